# Covers: np.concatenate (axis 0, 1, -1, None; mixed dtypes and layouts), np.stack (axis 0..2, negative), hstack, vstack,
# column_stack, tile (int and tuple reps), repeat (axis None, 0, 1, -1), with empty arrays
import numpy as np


def joins(a, b, m, n):
    print(np.concatenate((a, b)), np.concatenate((a, b), axis=-1), np.concatenate((a, a[::-1], b, a)))
    print(np.concatenate((m, n)), np.concatenate((m, m.T[:2]), axis=1), np.concatenate((m, n[:, 1:]), axis=-1))
    print(np.concatenate((m, a), axis=None), np.concatenate((a[:0], a[:0])), np.concatenate((a,)))
    print(np.hstack((a, b)), np.hstack((m, m * 1.5)), np.vstack((a, b)), np.vstack((m, a[:3], b[1:])))
    print(np.column_stack((a, b)), np.column_stack((m.T, a[:3], b[:3])), np.vstack((a[:0], a[:0])).shape)
    print(np.stack((a, b)), np.stack((a, b), axis=1), np.stack((a, b), -1), np.stack((a,)))
    print(np.stack((m, n)), np.stack((m, n), axis=1), np.stack((m, n), axis=2), np.stack((m, n), axis=-3).shape)
    print(np.concatenate((a, a, a, a, a, a, a, a, a, a)))
    print(np.stack((a, a, a, a, a, a, a, a, a, a, a)))
    print(np.concatenate((a.astype(np.int8), a.astype(np.uint8))).dtype, np.hstack((a > 1, a)).dtype,
          np.vstack((a.astype(np.float32), a.astype(np.int16))).dtype, np.stack((a > 0, a > 1)))


def tiles(a, m):
    print(np.tile(a, 2), np.tile(a, (2,)), np.tile(a, (2, 3)), np.tile(a, 0), np.tile(a, (3, 1)))
    print(np.tile(m, 2), np.tile(m, (2, 2)), np.tile(m, (1,)), np.tile(m, (0, 2)).shape)
    print(np.tile(a[::2], 3), np.tile(m.T, (2, 1)), np.tile(a > 1, 2), np.tile(a[:0], 4))


def repeats(a, m):
    print(np.repeat(a, 2), np.repeat(a, 0), np.repeat(a, 3, axis=0), np.repeat(a, 1, axis=-1))
    print(np.repeat(m, 2), np.repeat(m, 2, axis=0), np.repeat(m, 3, axis=1), np.repeat(m, 2, axis=-1))
    print(np.repeat(m.T, 2, axis=0), np.repeat(a[::-1], 2), np.repeat(a.astype(np.float32) / 4, 2))
    print(np.repeat(m[:0], 2, axis=1).shape, np.repeat(a > 1, 2))


a = np.arange(4)
b = np.arange(10.0, 14.0)
m = np.arange(6).reshape(2, 3)
n = np.arange(6.0, 12.0).reshape(2, 3)
joins(a, b, m, n)
tiles(a, m)
repeats(a, m)
