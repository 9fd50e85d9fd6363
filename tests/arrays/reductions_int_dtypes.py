# Covers: sum/prod/min/max/argmin/argmax/any/all/mean on int8..uint64 arrays: result dtypes (small ints sum to int64, uint to uint64), wrapping prod
import numpy as np


def red(a):
    s = a.sum()
    p = a.prod()
    print(a.dtype, s, p, a.min(), a.max(), a.argmin(), a.argmax())
    print(a.mean(), a.any(), a.all(), np.sum(a), np.max(a), np.min(a))


def axes(m):
    print(m.sum(axis=0), m.sum(axis=1), m.sum(axis=0).dtype, m.prod(axis=1), m.prod(axis=1).dtype)
    print(m.min(axis=0), m.max(axis=1), m.min(axis=0).dtype, m.argmin(axis=0), m.argmax(axis=1), m.mean(axis=1))


red(np.arange(-5, 6, dtype=np.int8) * 20)
red(np.arange(1, 30, dtype=np.int16))
red(np.arange(1, 25, dtype=np.int32))
red(np.arange(250, 256, dtype=np.uint8))
red(np.arange(60000, 60010, dtype=np.uint16))
red(np.arange(3, dtype=np.uint32) + 4000000000)
red(np.arange(1, 4, dtype=np.uint64))
axes(np.arange(12, dtype=np.int8).reshape(3, 4) * 11)
axes(np.arange(12, dtype=np.uint16).reshape(4, 3) * 5000)
axes(np.arange(6, dtype=np.uint32).reshape(2, 3))
