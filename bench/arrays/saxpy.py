# saxpy: a * x + y in single precision (float32 arrays, a float32 scalar).
# Measures: a memory-bound elementwise multiply-add that must stay float32 throughout.
# Needs: float32 arrays, np.float32 scalar * float32 array (result float32), array + array.
import numpy as np


def kernel(a, x, y):
    return a * x + y


def setup():
    rng = np.random.default_rng(0)
    n = 4_000_000
    return np.float32(2.5), rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)

# --- sanity ---
out = kernel(*setup())
print(out.dtype, f"{out.sum(dtype=np.float64):.6e}")
