# Covers: assignment through a 1-d integer array on an axis after the first (a[:, idx] = scalar, row, matrix; after a slice; augmented; 3-d arrays with broadcast values)
import numpy as np


def put(m, m3, idx):
    a = m.copy()
    a[:, idx] = 0
    print(a)
    a[1:, idx] = np.array((7, 8, 9))
    print(a)
    a[:, idx] = np.arange(9).reshape(3, 3) * 10
    print(a)
    a[:, np.array((0, -1))] += 1
    print(a)
    b = m3.copy()
    b[:, :, idx] = -1.5
    b[:, idx] = np.ones((2, 3, 4)) * 2
    b[:, :, np.array((3,))] = np.array((5.0, 6.0, 7.0))[:, None]
    print(b)


put(np.arange(12).reshape(3, 4), np.arange(24.0).reshape(2, 3, 4), np.array((2, 0, 1)))
