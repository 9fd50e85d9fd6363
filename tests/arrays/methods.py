# Covers: reshape (with -1), ravel, flatten, transpose, T, astype, copy, fill, item, shape/strides/size attributes
import numpy as np


def reshape(n):
    a = np.arange(n)
    b = a.reshape(3, 4)
    c = a.reshape((2, -1))
    d = b.T.ravel()
    e = b.flatten()
    b[0, 0] = 42
    print(a, b, c, d, e, b.transpose().shape, c.strides, b.T.strides)


def conv(a):
    f = a.astype(np.float32)
    g = a.astype(np.int8)
    h = a.copy()
    h.fill(3)
    return f, g, h, a[2:3].item(), np.arange(7).reshape(7, 1).shape


reshape(12)
print(conv(np.linspace(0.0, 300.0, 4)))
