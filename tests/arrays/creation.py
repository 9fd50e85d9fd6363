# Covers: np.empty/zeros/ones/full (+ _like), arange (int, float, negative step), linspace, eye, identity, dtype=, copy
import numpy as np


def make(n):
    a = np.zeros(n)
    b = np.ones((2, n), dtype=np.int32)
    c = np.full((n, 2), 7)
    d = np.full(3, 2.5, np.float32)
    return a, b, c, d


def ranges():
    print(np.arange(5), np.arange(2, 11, 3), np.arange(10, 0, -3), np.arange(0.0, 1.0, 0.25))
    print(np.arange(5, dtype=np.float64), np.arange(3, 3), np.arange(-2.5, 2.5))
    print(np.linspace(0.0, 1.0, 5), np.linspace(-1.0, 1.0, 4, endpoint=False), np.linspace(2.0, 3.0, num=3))
    print(np.linspace(0.0, 1.0, 1), np.linspace(0.0, 1.0, 0))


def likes(a):
    z = np.zeros_like(a)
    o = np.ones_like(a, dtype=np.float32)
    f = np.full_like(a, 9)
    e = np.empty_like(a)
    e[...] = 3
    return z, o, f, e


a, b, c, d = make(4)
print(a, b, c, d)
print(a.dtype == np.float64, b.dtype, c.shape, d.dtype, a.ndim, b.ndim, b.size, b.itemsize, b.nbytes)
ranges()
z, o, f, e = likes(np.arange(6).reshape(2, 3))
print(z, o, f, e)
print(np.eye(3), np.eye(2, 3), np.identity(2, dtype=np.int64))
m = np.arange(6.0).reshape(3, 2)
k = m.copy()
k[0, 0] = 100.0
print(m, k, np.copy(m.T))
print(np.zeros((2, 0)), np.ones(0, dtype=np.int8), np.zeros((0, 3)).shape)
