# polyval_loops: a degree-9 polynomial evaluated by Horner's rule, element by element.
# Measures: a short fixed inner loop (coefficients) inside an element loop.
# Needs: 1-D float64 arrays, np.empty_like, len(), a[i] reads and writes.
import numpy as np


def kernel(x, coeffs):
    out = np.empty_like(x)
    for i in range(len(x)):
        y = 0.0
        for k in range(len(coeffs)):
            y = y * x[i] + coeffs[k]
        out[i] = y
    return out


def setup():
    rng = np.random.default_rng(0)
    return rng.uniform(-1.0, 1.0, 20_000), rng.uniform(-1.0, 1.0, 10)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
