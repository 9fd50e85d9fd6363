# Covers: np.diff along the first axis (rows subtracted in memory order), the last and a middle axis of 2-d to 5-d arrays (middle axes by slices in place), n=2 and n=3, booleans (not_equal), transposed and sliced inputs, int8 wrapping
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
print(np.diff(c, axis=1), np.diff(c, n=2, axis=1), np.diff(c[::-1, ::2] > 0, axis=1), np.diff(c.transpose(2, 0, 1), axis=1)[0])
h = (np.arange(120) % 11).reshape(2, 3, 4, 5)
print(np.diff(h, axis=1)[1], np.diff(h, axis=2)[0, 1], np.diff(h, n=2, axis=2).shape, np.diff(h.astype(np.uint8), axis=-2)[1, 2])
f = np.arange(64.0).reshape(2, 2, 2, 2, 4) ** 2
print(np.diff(f, axis=3)[1, 0], np.diff(f, axis=2)[0, 1], np.diff(f, axis=1).shape)
