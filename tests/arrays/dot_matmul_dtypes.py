# Covers: dot/matmul/@ for 1-d x 1-d, 2-d x 1-d, 1-d x 2-d, 2-d x 2-d with int8 (wrapping), int32, uint8, float32, complex, bool and mixed dtypes
import numpy as np


def show(x):
    print(x.dtype, x)


def products_1d(a, b):
    print(a @ b, np.dot(a, b), np.matmul(a, b))


def products(a, b):
    show(a @ b)
    show(np.dot(a, b))
    show(np.matmul(a, b))


m = np.arange(6).reshape(2, 3)
products_1d(np.arange(3), np.arange(3))
products_1d(np.arange(3, dtype=np.int8) * 100, np.arange(3, dtype=np.int8))
products_1d(np.arange(3) > 0, np.arange(3) > 1)
products_1d(np.arange(3, dtype=np.float32) / 3, np.ones(3, dtype=np.float32))
products(m, np.arange(3))
products(np.arange(2), m)
products(m, m.T)
products(m.astype(np.int8) * 20, m.T.astype(np.int8) * 20)
products(m.astype(np.uint8), np.ones((3, 2), dtype=np.uint8))
products(m.astype(np.float32) / 2, np.ones(3, dtype=np.float32))
products(m * (1 + 1j), np.arange(3))
products(m > 2, m.T > 1)
products(m.astype(np.int16), np.ones(3))
products(m.astype(np.float32), np.ones((3, 1)))
print(np.dot(np.ones(0), np.ones(0)), np.dot(np.arange(4), np.arange(4) * 2), np.ones((2, 0)) @ np.ones(0))
