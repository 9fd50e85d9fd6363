# Covers: arrays passed between compiled functions and returned (new arrays, views of arguments, tuples of arrays), helpers mutating caller arrays
import numpy as np


def normalise(v):
    return v / v.sum()


def split(a):
    return a[: a.shape[0] // 2], a[a.shape[0] // 2:]


def fill_with(a, x):
    a[:] = x


def pipeline(n):
    a = np.arange(1.0, n + 1.0)
    p = normalise(a)
    lo, hi = split(p)
    fill_with(lo, 0.0)
    return p, lo, hi


def make_grid(n):
    g = np.zeros((n, n), dtype=np.int32)
    for i in range(n):
        fill_with(g[i], i)
    return g


def first_row(m):
    return m[0]


p, lo, hi = pipeline(4)
print(p, lo, hi)
g = make_grid(3)
print(g, first_row(g), first_row(first_row(np.arange(8).reshape(2, 2, 2))))
r = first_row(g)
r[0] = -1
print(g)
