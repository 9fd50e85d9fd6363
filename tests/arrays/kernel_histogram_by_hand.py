# Covers: histogram by hand (h[int(...)] += 1 in a loop), bincount-style counting of ints, compared with np.histogram
import numpy as np


def by_hand(a, bins, lo, hi):
    h = np.zeros(bins, dtype=np.int64)
    width = (hi - lo) / bins
    for x in a:
        if lo <= x <= hi:
            k = int((x - lo) / width)
            if k == bins:
                k = bins - 1
            h[k] += 1
    return h


def bincount(a, n):
    c = np.zeros(n, dtype=np.int32)
    for i in range(a.shape[0]):
        c[a[i]] += 1
    return c


data = np.array((0.5, 1.5, 1.75, 2.0, 3.25, 3.5, 3.75, 4.0, -1.0, 9.0))
h = by_hand(data, 4, 0.0, 4.0)
h2, e = np.histogram(data, bins=4, range=(0.0, 4.0))
print(h, h2, (h == h2).all(), e)
print(bincount(np.array((0, 1, 1, 3, 3, 3)), 5), bincount(np.arange(10) % 3, 3))
