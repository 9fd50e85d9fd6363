# Covers: np.convolve (full, same, valid; either argument longer) and np.histogram (bins, range=, default range),
# written in Python in sharpjit's library; np.result_type
import numpy as np


def conv(x, w):
    return np.convolve(x, w), np.convolve(x, w, mode="same"), np.convolve(x, w, "valid"), np.convolve(w, x, mode="valid")


def hist(x):
    h, e = np.histogram(x, bins=4, range=(0.0, 8.0))
    h2, e2 = np.histogram(x)
    return h, e, h2, e2, np.histogram(x, 3)[0]


x = np.arange(8.0)
print(conv(x, np.array((1.0, 2.0, 1.0)) / 4))
print(conv(np.arange(5), np.arange(3)))
print(hist(np.array((0.0, 1.0, 2.0, 2.0, 7.9, 8.0, 9.0, -1.0, 3.5))))
print(np.result_type(np.arange(3), 2.5), np.result_type(np.zeros(2, np.float32), 1))
