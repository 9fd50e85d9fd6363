# Covers: reshape (tuple and varargs, -1 anywhere; of C-contiguous arrays, as compiled code requires), ravel of contiguous (view) and non-contiguous (copy), flatten (copy), transpose/.T of 3-d
import numpy as np


def shapes(a):
    print(a.reshape(2, 6).shape, a.reshape((3, 4)).shape, a.reshape(-1, 2).shape, a.reshape(2, -1, 3).shape, a.reshape(-1).shape)


def views_and_copies(m):
    r = m.ravel()
    r[0] = 100
    f = m.flatten()
    f[1] = 200
    t = m.T.ravel()
    t[2] = 300
    print(m, r, f, t)


def cube_t(c):
    print(c.T.shape, c.transpose().shape, c.T[1, 2, 0], c.T.ravel(), c.transpose()[::-1, 0])


shapes(np.arange(12))
shapes(np.arange(12).reshape(3, 4))
views_and_copies(np.arange(6).reshape(2, 3))
cube_t(np.arange(24).reshape(2, 3, 4))
print(np.arange(6).reshape(2, 3).reshape(3, 2), np.arange(6)[::2].copy().reshape(3, 1), np.arange(8).reshape(2, 2, 2).reshape(4, 2))
print(np.arange(6.0).reshape(3, 2).T.copy().reshape(6), np.zeros((0, 4)).reshape(-1, 2).shape, np.ones(1).reshape(1, 1, 1))
