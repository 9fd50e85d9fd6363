# softmax: row-wise softmax of a 2-D array (shifted by each row's maximum for stability).
# Measures: reductions along an axis with keepdims, broadcasting the (n, 1) result back, np.exp, division.
# Needs: ndarray.max(axis=1, keepdims=True), ndarray.sum(axis=1, keepdims=True), np.exp, (n, m) op (n, 1).
import numpy as np


def kernel(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def setup():
    rng = np.random.default_rng(0)
    return (rng.standard_normal((1000, 500)),)

# --- sanity ---
print(f"{(kernel(*setup()) ** 2).sum():.9e}")
