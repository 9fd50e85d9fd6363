# Covers: a.transpose(i, j, k), a.transpose(axes), a.transpose(), a.transpose(None), np.transpose(a[, axes]) with negative axes: views (writes reach the array), NumPy's ValueErrors for wrong, repeated and out-of-bounds axes
import numpy as np


def perms(a):
    print(a.transpose(2, 0, 1).shape, a.transpose((1, 0, 2)).shape, a.transpose().shape, a.transpose(None).shape)
    print(np.transpose(a, (0, 2, 1))[1, 3], np.transpose(a).shape, np.transpose(a, (-1, 0, 1)).shape)
    v = a.transpose(1, 2, 0)
    v[0, 0, 1] = 99.0
    print(a[1, 0, 0], v.sum(axis=0))
    print(np.transpose(a[0], (1, 0)))


def bad(a, axes):
    try:
        print(np.transpose(a, axes).shape)
    except ValueError as e:
        print("ValueError:", e)


a = np.arange(24.0).reshape(2, 3, 4)
perms(a)
bad(a, (0, 1))
bad(a, (0, 0, 1))
bad(a, (0, 1, 3))
bad(a, (0, 1, -4))
