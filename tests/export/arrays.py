# Array kernels for `sharpjit export` (tests/python/test_export.py): C passes its memory as NumPy describes it
# (arrays_driver.c); arrays_driver.py calls the same kernels with NumPy arrays under CPython.
import numpy as np


def saxpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] += a * x[i]


def total(m):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i + 1)
    return s


def scale_rows(m, v):
    m[:, :] = m * v[:, None] + 1.0
    return m.sum()


def norm(x):
    return np.sqrt(np.sum(x * x))


def column_sums(f, out):
    out[:] = f.sum(axis=0)
    return f.max()


def count_above(a, limit):
    return int((a > limit).sum())


def at(x, i):
    return x[i]


def doubled(x):
    return x * 2.0 + 1.0


def tail(x):
    return x[1:]


def grid(a, b):
    return np.outer(a, b) - a.sum()
