# Covers: library routines at their edges: roll beyond the size and of empty arrays, flip of empty, diff of 3-d and length-1, outer of 3-d, nan routines on ints and all-nan, complex convolve, concatenate of int8 and empty blocks, trace of uint8/complex
import numpy as np


def f():
    print(np.roll(np.arange(6).reshape(2, 3), 7), np.flip(np.zeros((0, 2))).shape, np.diff(np.arange(24).reshape(2, 3, 4) ** 2))
    print(np.outer(np.arange(8).reshape(2, 2, 2), np.arange(2)).shape, np.nansum(np.array((1.5, np.nan), dtype=np.float32)))
    print(np.nanmax(np.arange(4, dtype=np.int8)), np.nanmin(np.array((np.nan, np.nan))), np.nanmean(np.arange(4)))
    print(np.convolve(np.array((1 + 1j, 2.0)), np.array((1j, 1.0))), np.convolve(np.arange(3), np.array((0.5,))))
    print(np.concatenate((np.arange(3, dtype=np.int8), np.arange(2, dtype=np.int8))), np.concatenate((np.zeros((0, 2)), np.ones((1, 2)))))
    print(np.trace(np.arange(9, dtype=np.uint8).reshape(3, 3)), np.trace(np.arange(4.0).reshape(2, 2) * 1j))
    print(np.nansum(np.zeros((2, 2))), np.nanmean(np.array((np.nan,))), np.average(np.arange(4.0).reshape(2, 2)))
    print(np.diff(np.array((1.0,))), np.diff(np.arange(6).reshape(3, 2)), np.roll(np.zeros(0), 3), np.roll(np.arange(5), -7))


f()
