# pairwise_loops: all pairwise Euclidean distances of n points in d dimensions, loops over i, j, k.
# Measures: a triply nested loop reading a 2-D array and writing an (n, n) result.
# Needs: 2-D float64 arrays, .shape unpacking, np.empty((n, n)), a[i, k] reads, np.sqrt on a float.
import numpy as np


def kernel(X):
    n, d = X.shape
    D = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = X[i, k] - X[j, k]
                s += t * t
            D[i, j] = np.sqrt(s)
    return D


def setup():
    rng = np.random.default_rng(0)
    return (rng.random((150, 3)),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
