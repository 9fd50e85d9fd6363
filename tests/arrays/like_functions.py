# Covers: zeros_like/ones_like/full_like/empty_like on every dtype and shape, dtype= overrides, values cast to the dtype
import numpy as np


def likes(a):
    z = np.zeros_like(a)
    o = np.ones_like(a)
    f = np.full_like(a, 7)
    e = np.empty_like(a)
    e.fill(1)
    print(z.dtype, z.shape, z, o, f, e)


def overrides(a):
    print(np.zeros_like(a, dtype=np.float32), np.ones_like(a, dtype=np.int8), np.full_like(a, 2.75, dtype=np.float64))


def truncation(a):
    print(np.full_like(a, 2.75), np.full_like(a, -1.5), np.full_like(a, True))


likes(np.arange(6, dtype=np.int8).reshape(2, 3))
likes(np.arange(4, dtype=np.uint16))
likes(np.linspace(0.0, 1.0, 3))
likes(np.zeros((2, 1, 2), dtype=np.float32))
likes(np.arange(3) > 1)
likes(np.ones(2, dtype=np.complex64))
overrides(np.arange(3))
truncation(np.arange(3))
truncation(np.arange(3, dtype=np.int16))
truncation(np.zeros(2))
