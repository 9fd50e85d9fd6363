# Covers: np.convolve full/same/valid with kernels shorter, equal and longer than the signal, int/float/float32/bool dtypes, smoothing kernel
import numpy as np


def conv(a, v):
    print(np.convolve(a, v), np.convolve(a, v, mode="same"), np.convolve(a, v, mode="valid"))


conv(np.arange(1, 6), np.array((1, 0, -1)))
conv(np.arange(1, 6), np.array((1, 1)))
conv(np.array((1, 2)), np.arange(1, 6))
conv(np.arange(4) * 0.5, np.array((0.25, 0.5, 0.25)))
conv(np.ones(3), np.ones(3))
conv(np.array((1.0,)), np.array((2.0, 3.0)))
conv(np.arange(5, dtype=np.float32), np.array((0.5, 0.5), dtype=np.float32))
conv(np.arange(5, dtype=np.int8) * 30, np.array((2, 2), dtype=np.int8))
conv(np.arange(5) > 2, np.array((True, False)))
