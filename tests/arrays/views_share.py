# Covers: views keep their owner alive and share memory: writes through rows, transposes, reshapes and slices
import numpy as np


def rows_view(n):
    m = np.zeros((n, n))
    for i in range(n):
        row = m[i]
        row[:] = i
        m.T[i, i] = -1
    return m


def reshaped(n):
    a = np.arange(n * 2)
    b = a.reshape(2, n)
    b[1, 0] = 100
    c = a[::3]
    c += 1000
    return a


def returns_view(n):
    a = np.arange(n)
    return a[2:]


print(rows_view(3))
print(reshaped(4))
v = returns_view(6)
print(v, v.sum())
