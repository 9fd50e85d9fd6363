# Covers: views written through (slices, transposes, reshape of contiguous arrays, ravel), returned views sharing memory
import numpy as np


def row_view(m, i):
    return m[i]


def transpose_write(m):
    t = m.T
    t[0, :] = -1
    return m


def reshape_view(a):
    r = a.reshape(2, 3)
    r[1, 1] = 99
    return a


def ravel_write(m):
    f = m.ravel()
    f[0] = 42
    return m


m = np.arange(12).reshape(3, 4)
r = row_view(m, 1)
r[:] = 0
print(m)
print(transpose_write(np.arange(6).reshape(2, 3)))
print(reshape_view(np.arange(6)))
print(ravel_write(np.arange(4.0).reshape(2, 2)))
s = m[::2, 1:3]
s *= 10
print(m, s)
