# polyval: a degree-9 polynomial evaluated over a large array by Horner's rule, one whole-array step per coefficient.
# Measures: a Python loop over a small coefficient array around whole-array multiply-add (a temporary per step).
# Needs: np.zeros_like, iterating over a 1-D array (for c in coeffs), array * array + scalar.
import numpy as np


def kernel(x, coeffs):
    y = np.zeros_like(x)
    for c in coeffs:
        y = y * x + c
    return y


def setup():
    rng = np.random.default_rng(0)
    return rng.uniform(-1.0, 1.0, 500_000), rng.uniform(-1.0, 1.0, 10)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
