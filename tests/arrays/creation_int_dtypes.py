# Covers: zeros/ones/full/empty+fill/arange with every integer dtype (int8..uint64): dtype, itemsize, nbytes, values
import numpy as np


def show(a):
    print(a.dtype, a.itemsize, a.nbytes, a.shape, a)


def ints(n):
    show(np.zeros(n, dtype=np.int8))
    show(np.ones((2, n), dtype=np.int16))
    show(np.full(n, -7, dtype=np.int32))
    show(np.full((n, 1), 123456789012, dtype=np.int64))
    show(np.arange(n, dtype=np.uint8))
    show(np.ones(n, dtype=np.uint16) * 65535)
    show(np.full(n, 4000000000, dtype=np.uint32))
    show(np.full(n, 9223372036854775807, dtype=np.uint64) * 2 + 1)
    e = np.empty((n, 2), dtype=np.int16)
    e.fill(-3)
    show(e)


def extremes():
    print(np.full(2, 127, dtype=np.int8), np.full(2, -128, dtype=np.int8))
    print(np.full(2, 255, dtype=np.uint8), np.full(2, 32767, dtype=np.int16))
    print(np.full(2, -2147483648, dtype=np.int32), np.full(2, -9223372036854775807, dtype=np.int64))


ints(3)
ints(1)
extremes()
