# matmul_loops: dense matrix product by hand, the textbook triple loop over i, j, k.
# Measures: a dot-product inner loop striding down a column of b (no blocking, no vectorisation by hand).
# Needs: 2-D float64 arrays, .shape unpacking, np.zeros((n, m)), a[i, k] reads.
import numpy as np


def kernel(a, b):
    n, inner = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for k in range(inner):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c


def setup():
    rng = np.random.default_rng(0)
    return rng.random((60, 60)), rng.random((60, 60))

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
