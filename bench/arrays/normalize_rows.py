# normalize_rows: scale every row of a 2-D array to sum 1, and every column of the result to unit length.
# Measures: an axis reduction with keepdims broadcast back over the rows, np.linalg.norm along an axis.
# Needs: ndarray.sum(axis=1, keepdims=True), np.linalg.norm(x, axis=0), (n, m) / (n, 1) and (n, m) / (m,).
import numpy as np


def kernel(x):
    rows = x / x.sum(axis=1, keepdims=True)
    return rows / np.linalg.norm(rows, axis=0)


def setup():
    rng = np.random.default_rng(0)
    return (rng.random((1000, 500)),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
