# Covers: item and slice assignment with broadcasting, a[:] = 0, f[i] += v, dtype casts on store
import numpy as np


def update(a, b):
    a[1:-1, :] = b
    a[0] = 7
    a[:, 0] = np.arange(a.shape[0])
    a[-1, -1] += 100
    return a


def counts(data, nbins):
    hist = np.zeros(nbins, dtype=np.int64)
    for x in data:
        hist[x % nbins] += 1
    return hist


def casting():
    f = np.zeros(4, dtype=np.int32)
    f[0] = 2.9
    f[1] = -2.9
    f[2:] = 5
    b = np.zeros(3, dtype=np.bool_)
    b[1] = 5
    u = np.zeros(2, dtype=np.uint8)
    u[0] = 300
    return f, b, u


a = np.zeros((4, 3))
print(update(a, np.ones(3) * 2.5))
print(counts(np.arange(20), 6))
print(casting())
x = np.arange(12.0).reshape(3, 4)
x[:] = 0
x[1] = 1
x[:, ::2] = -1
print(x)
y = np.arange(5)
y[1:] = y[:-1]
print(y)
