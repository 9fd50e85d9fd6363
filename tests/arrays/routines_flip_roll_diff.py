# Covers: np.flip (1-d/2-d/3-d), np.roll (positive, negative, larger than size, 2-d flattened), np.diff (1-d, 2-d last axis, ints wrap in their dtype)
import numpy as np


def flips(a):
    print(np.flip(a), np.flip(a).shape)


def rolls(a):
    print(np.roll(a, 1), np.roll(a, -2), np.roll(a, 7), np.roll(a, 0), np.roll(a, -13))


def diffs(a):
    print(np.diff(a), np.diff(a).dtype, np.diff(a).shape)


flips(np.arange(5))
flips(np.arange(6).reshape(2, 3))
flips(np.arange(8).reshape(2, 2, 2))
flips(np.linspace(0.0, 1.0, 3).astype(np.float32))
rolls(np.arange(5))
rolls(np.arange(6).reshape(2, 3))
rolls(np.arange(4) > 1)
diffs(np.array((1, 4, 9, 16, 25)))
diffs(np.array((1.0, 0.5, 0.25)))
diffs(np.arange(12).reshape(3, 4) ** 2)
diffs(np.array((0, 200, 10), dtype=np.uint8))
diffs(np.array((100, -100, 100), dtype=np.int8))
diffs(np.arange(1))
