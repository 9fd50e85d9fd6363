# Covers: Floyd-Warshall all-pairs shortest paths with broadcasting (np.minimum(d, d[:, k:k+1] + d[k:k+1, :])), inf for no edge, loop version agrees
import numpy as np


def fw_broadcast(w):
    d = w.copy()
    for k in range(d.shape[0]):
        d = np.minimum(d, d[:, k:k + 1] + d[k:k + 1, :])
    return d


def fw_loops(w):
    d = w.copy()
    n = d.shape[0]
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if d[i, k] + d[k, j] < d[i, j]:
                    d[i, j] = d[i, k] + d[k, j]
    return d


inf = np.inf
w = np.full((5, 5), inf)
for i in range(5):
    w[i, i] = 0.0
w[0, 1] = 3.0
w[1, 2] = 1.0
w[2, 0] = 2.0
w[2, 3] = 4.0
w[3, 1] = 1.5
a = fw_broadcast(w)
b = fw_loops(w)
print(a)
print((a == b).all(), np.isinf(a).sum(), a[np.isfinite(a)].max())
