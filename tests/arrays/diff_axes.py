# Covers: np.diff along the first axis (rows subtracted in memory order), the last and a middle axis of 2-d and 3-d arrays, n=2 and n=3, booleans (not_equal), transposed and sliced inputs, int8 wrapping
import numpy as np


def diffs(m):
    print(np.diff(m, axis=0), np.diff(m), np.diff(m, n=2, axis=0), np.diff(m, axis=-2).shape, np.diff(m, n=3, axis=0).shape)


m = (np.arange(30) ** 2 % 17).reshape(5, 6)
diffs(m)
diffs(m.T)
diffs(m[::2, 1:].astype(np.float64))
diffs(m.astype(np.int8) * 9)
diffs(m % 2 == 0)
c = np.sin(np.arange(60.0)).reshape(3, 4, 5)
print(np.diff(c, axis=0), np.diff(c, axis=1)[1], np.diff(c, n=2, axis=2)[2], np.diff(c[:, ::-1], axis=0)[1, 2])
