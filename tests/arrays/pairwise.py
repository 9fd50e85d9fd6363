# Covers: loops over 2-d arrays (pairwise distances), np.sqrt of scalars from arrays, nested indexing, results in new arrays
import numpy as np


def distances(points):
    n = points.shape[0]
    d = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(points.shape[1]):
                t = points[i, k] - points[j, k]
                s += t * t
            d[i, j] = np.sqrt(s)
    return d


def closest(d):
    best = -1
    bd = np.inf
    for i in range(1, d.shape[0]):
        if d[0, i] < bd:
            bd = d[0, i]
            best = i
    return best, bd


p = np.arange(12.0).reshape(4, 3) % 5
d = distances(p)
print(d)
print(closest(d))
