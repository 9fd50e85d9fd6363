# Covers: assignment with broadcasting: scalar, row into rows, column into columns, (1,n) and (n,1) sources, casting on store
import numpy as np


def fill_rows(m, row):
    m[:] = row
    return m


def fill_cols(m, col):
    m[:, :] = col[:, None]
    return m


def blocks():
    m = np.zeros((4, 6), dtype=np.int32)
    m[1:3, 2:5] = 7
    m[0] = np.arange(6)
    m[:, -1] = np.arange(4) * 10
    m[3, ::2] = np.arange(3) - 5
    m[2:, :2] = np.ones((1, 2)) * 9
    print(m)


def casts():
    a = np.zeros(4, dtype=np.int8)
    a[:] = np.linspace(-1.9, 1.9, 4)
    b = np.zeros(3, dtype=np.uint8)
    b[:] = np.arange(254, 257)
    c = np.zeros(3)
    c[:] = np.arange(3) > 0
    d = np.zeros(2, dtype=np.bool_)
    d[:] = np.arange(2) + 0.5
    print(a, b, c, d)


print(fill_rows(np.zeros((3, 4)), np.arange(4.0)))
print(fill_cols(np.zeros((3, 2), dtype=np.int64), np.arange(3)))
print(fill_rows(np.zeros((2, 2, 3)), np.arange(3) * 2.5))
blocks()
casts()
