# Covers: == != < <= > >= between arrays (broadcast) and scalars of every dtype, mixed signed/unsigned, nan, complex ==
import numpy as np


def cmp(a, b):
    print(a == b, a != b, a < b, a <= b, a > b, a >= b)


def unsigned_vs_negative(u):
    print(u < -1, u == -1, u > -1, u >= -200, u < 300, u != -5)


x = np.arange(-2, 3)
cmp(x, 0)
cmp(x, x[::-1])
cmp(x.astype(np.int8), np.arange(5, dtype=np.uint8))
cmp(np.linspace(-1.0, 1.0, 5), 0.5)
cmp(np.arange(4, dtype=np.float32) * 0.1, 0.1)
n = np.zeros(3)
n[1] = np.nan
cmp(n, n)
cmp(np.arange(6).reshape(2, 3), np.arange(3))
cmp(np.arange(3).reshape(3, 1), np.arange(3))
z = np.array((1 + 1j, 2j, 3.0))
print(z == 2j, z != 3, z == z)
unsigned_vs_negative(np.arange(3, dtype=np.uint64))
unsigned_vs_negative(np.arange(3, dtype=np.uint8))
b = np.arange(4) > 1
cmp(b, True)
cmp(b, b[::-1])
