# Covers: a 1-d integer array indexing an axis after the first, with slices before it (a[:, idx], a[1:, idx], a[:, :, idx] of 3-d arrays, int32 and negative indices, empty index, transposed arrays): a copy
import numpy as np


def take(m, m3, idx):
    print(m[:, idx], m[1:, idx], m[::-1, np.array((0, 0))], m[:, np.array((-1, 0), np.int32)])
    print(m3[:, idx], m3[:, :, idx], m3[1:, ::2, idx], m3[:, idx].shape, m3[:, :, idx[:0]].shape)
    cols = m[:, idx]
    cols[0, 0] = 100
    print(cols, m[0, 0], m.T[:, idx])


take(np.arange(12).reshape(3, 4), np.arange(24.0).reshape(2, 3, 4), np.array((2, 0, 1)))
