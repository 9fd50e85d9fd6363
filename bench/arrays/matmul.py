# matmul: dense matrix products with the @ operator and np.dot.
# Measures: BLAS-backed matrix multiplication (NumPy calls its BLAS; a compiler may call BLAS or generate a loop).
# Needs: 2-D float64 arrays, a @ b, np.dot(a, b).
import numpy as np


def kernel(a, b):
    c = a @ b
    return np.dot(c, b)


def setup():
    rng = np.random.default_rng(0)
    return rng.random((200, 200)), rng.random((200, 200))

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
