# Covers: copies and astype of views whose rows run backwards or forwards with the outer axis reversed (np.flip, [::-1], [:, ::-1], 3-d), every result C-contiguous, casts included; np.flip with axis= (an int, negative, a tuple, a list) of 1-d to 4-d arrays, its AxisError and repeated-axis error
import numpy as np


def copies(m):
    f = np.flip(m).copy()
    print(f, f.strides, m[::-1].copy(), m[:, ::-1].copy().strides)
    print(m[::-1, ::-2].copy(), np.flip(m).astype(np.float32), m[:, ::-1].astype(np.int8), m[::-1].astype(np.complex128)[0])


def flips(c):
    print(c[::-1, :, ::-1].copy(), np.flip(c, 2).copy()[1], c[:, ::-1].astype(np.int32).sum())
    print(np.flip(c, (0, -1))[0], np.flip(c, [1]).strides, np.flip(c, axis=-2)[1, 0], np.flip(c, ()).sum())
    d = c.reshape(2, 1, 3, 4)
    print(np.flip(d)[0, 0], np.flip(d, 3).copy().ravel()[:6], np.flip(np.flip(d)).strides == d.strides)
    try:
        np.flip(c, 3)
    except np.AxisError as e:
        print("AxisError:", e)
    try:
        np.flip(c, (1, -2))
    except ValueError as e:
        print("ValueError:", e)


copies(np.arange(12).reshape(3, 4))
copies(np.linspace(-1.0, 1.0, 10).reshape(2, 5))
flips(np.arange(24.0).reshape(2, 3, 4))
print(np.flip(np.arange(6) > 2).copy(), np.flip(np.zeros((0, 3))).copy().shape, np.flip(np.arange(5), 0))
