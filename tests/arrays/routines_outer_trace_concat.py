# Covers: np.outer (dtypes, 2-d inputs flattened), np.trace (square, rectangular, int8 sums in int64, float32), np.concatenate (1-d, 2-d rows, empty parts, same dtype)
import numpy as np


def outers(a, b):
    o = np.outer(a, b)
    print(o, o.dtype, o.shape)


def traces(m):
    print(np.trace(m), m.shape)


def concats(a, b, c):
    r = np.concatenate((a, b, c))
    print(r, r.dtype, r.shape)


outers(np.arange(1, 4), np.arange(1, 3))
outers(np.arange(3, dtype=np.float32), np.ones(2, dtype=np.float32) / 4)
outers(np.arange(4).reshape(2, 2), np.arange(2))
outers(np.arange(3) > 0, np.arange(2) > 0)
traces(np.arange(9).reshape(3, 3))
traces(np.arange(12).reshape(3, 4))
traces(np.arange(12).reshape(4, 3) * 0.5)
traces(np.full((3, 3), 100, dtype=np.int8))
traces(np.eye(4, dtype=np.float32) * 2.5)
concats(np.arange(3), np.arange(2), np.arange(4))
concats(np.zeros(0), np.ones(2), np.zeros(0))
concats(np.arange(6).reshape(2, 3), np.arange(3).reshape(1, 3), np.arange(6).reshape(2, 3) * 10)
concats(np.arange(3) > 1, np.arange(2) > 0, np.arange(1) > 5)
