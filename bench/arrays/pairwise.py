# pairwise: all pairwise Euclidean distances of n points in d dimensions by broadcasting.
# Measures: an (n, n, d) temporary from broadcasting, ** 2, a reduction over the last axis, np.sqrt.
# Needs: None (np.newaxis) indexing, broadcasting of (n, 1, d) against (1, n, d), ndarray.sum(axis), np.sqrt.
import numpy as np


def kernel(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))


def setup():
    rng = np.random.default_rng(0)
    return (rng.random((300, 3)),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
