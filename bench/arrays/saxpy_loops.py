# saxpy_loops: a * x + y in single precision, element by element into a preallocated float32 array.
# Measures: a float32 element loop (the compiled code must not widen to float64 and back).
# Needs: float32 arrays, np.empty_like, a[i] reads and writes, np.float32 scalar arithmetic.
import numpy as np


def kernel(a, x, y):
    out = np.empty_like(x)
    for i in range(len(x)):
        out[i] = a * x[i] + y[i]
    return out


def setup():
    rng = np.random.default_rng(0)
    n = 300_000
    return np.float32(2.5), rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)

# --- sanity ---
out = kernel(*setup())
print(out.dtype, f"{out.sum(dtype=np.float64):.6e}")
