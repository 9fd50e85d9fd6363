# Covers: 3-d indexing and slicing: ints, negative indices, steps on every axis, Ellipsis, None, writes through views
import numpy as np


def cube(c):
    print(c.shape, c[0], c[-1, -1], c[:, -1, :], c[..., ::-1], c[::-1, :, 0], c[1, ::2, 1:])
    print(c[..., 2].shape, c[0, ...].shape, c[:, None, :, 0].shape, c[None].shape, c[..., None].shape)
    print(c[1, 2, 3], c[-1, -2, -3], c[0][1][2], c[:, :, -1].T)


def paint(c):
    c[:, 0, :] = 1
    c[1, :, ::2] = 2
    c[..., -1] = 3
    c[0, 1:, 1:3] += 10
    print(c)


def sums(c):
    print(c.sum(), c[0].sum(), c[:, 1].sum(), c[..., 0].sum(), c[::2, ::2, ::2].sum())


cube(np.arange(24).reshape(2, 3, 4))
cube(np.arange(60.0).reshape(3, 4, 5))
paint(np.zeros((2, 3, 4), dtype=np.int32))
sums(np.arange(60).reshape(3, 4, 5))
sums(np.arange(27, dtype=np.int16).reshape(3, 3, 3))
