# mask_update: zero the elements above a threshold through a boolean mask, then choose per element with np.where.
# Measures: comparison into a boolean array, masked assignment, np.where with two array branches.
# Needs: a > x (bool array), a[mask] = scalar, np.where(cond, x, y), unary minus on arrays.
import numpy as np


def kernel(a, threshold):
    a[a > threshold] = 0.0
    return np.where(a > 0.25, a, -a)


def setup():
    rng = np.random.default_rng(0)
    return rng.random(2_000_000), 0.5

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
