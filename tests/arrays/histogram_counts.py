# Covers: np.histogram with integer bins, default and explicit range, values on edges (last bin closed), values outside range, int data, constant data
import numpy as np


def hist(a, n):
    h, e = np.histogram(a, bins=n)
    print(h, e, h.sum())


def hist_range(a, n, lo, hi):
    h, e = np.histogram(a, bins=n, range=(lo, hi))
    print(h, e, h.sum())


hist(np.array((0.0, 1.0, 1.0, 2.0, 3.0, 4.0)), 4)
hist(np.arange(10), 3)
hist(np.arange(10), 10)
hist(np.full(5, 2.5), 3)
hist(np.array((-1.0, 0.0, 0.5, 1.0)), 2)
hist(np.zeros(0), 2)
hist(np.arange(12).reshape(3, 4), 4)
hist_range(np.arange(10), 5, 0, 10)
hist_range(np.arange(10) * 0.5, 4, 1.0, 3.0)
hist_range(np.array((0.1, 0.2, 0.3, 0.9)), 2, 0.0, 1.0)
hist_range(np.arange(5), 2, 7, 9)
