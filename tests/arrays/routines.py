# Covers: np.where, np.clip (and .clip), cumsum/cumprod, count_nonzero, dot/matmul/@ for 1-d and 2-d, np.array/asarray
import numpy as np


def where_clip(a):
    print(np.where(a > 2, a, 0), np.where(a % 2 == 0, 1.5, a), np.clip(a, 1, 4), a.clip(2, 3), np.clip(a * 1.5, 0.5, 5.0))
    print(np.where(a > 2, a * 10, -a), np.clip(a - 3, -1, 1) * 2)


def cumulative(a):
    print(np.cumsum(a), a.cumsum(), np.cumprod(a + 1), np.cumsum(np.arange(6).reshape(2, 3)), np.count_nonzero(a > 2))


def products():
    a = np.arange(6.0).reshape(2, 3)
    b = np.arange(12.0).reshape(3, 4)
    v = np.arange(3.0)
    print(a @ b, np.dot(a, v), np.matmul(v, b), v @ v, np.dot(v, v), np.arange(4) @ np.arange(4))
    print(a.T @ a, np.dot(np.arange(6).reshape(3, 2), np.arange(2)))


def construct():
    x = np.array((1, 2, 3))
    y = np.array(((1.5, 2.0), (3.0, 4.0)))
    z = np.array((1, 2.5), dtype=np.float32)
    w = np.asarray(x)
    w[0] = 100
    u = np.array(x)
    u[1] = -1
    print(x, y, z, w, u, np.array((True, False)), np.array(((1, 2), (3, 4)), dtype=np.int8))


a = np.arange(6)
where_clip(a)
cumulative(a)
products()
construct()
