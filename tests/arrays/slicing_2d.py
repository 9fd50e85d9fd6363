# Covers: 2-d slicing: negative steps on both axes, out-of-range bounds, row/column views, transposes of slices, writes
import numpy as np


def show(m):
    print(m[::-1], m[:, ::-1], m[::2, ::-2], m[-1:, -2:], m[1:100, -100:2], m[3:1, :].shape, m[:, 5:].shape)
    print(m[1], m[-1, ::-1], m[:, -1], m[1:3, 1:3].T, m.T[::-1, 1:])


def writes(m):
    m[::2, ::2] = -1
    m[1, :] = m[1, ::-1]
    m[:, -1] += 100
    c = m[:, 1]
    c[::-1] = np.arange(c.shape[0])
    print(m)


def corners(m):
    return m[0, 0], m[0, -1], m[-1, 0], m[-1, -1]


g = np.arange(20).reshape(4, 5)
show(g)
show(np.arange(12.0).reshape(3, 4))
writes(np.arange(20).reshape(4, 5))
writes(np.zeros((3, 3), dtype=np.float32))
print(corners(g), corners(g.T), corners(g[::-1, ::-1]))
