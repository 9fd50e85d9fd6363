# mask_update_loops: the same as mask_update.py with one loop: zero above the threshold, then choose by sign.
# Measures: a branchy element loop writing two arrays.
# Needs: 1-D float64 arrays, np.empty_like, a[i] reads and writes.
import numpy as np


def kernel(a, threshold):
    out = np.empty_like(a)
    for i in range(len(a)):
        if a[i] > threshold:
            a[i] = 0.0
        out[i] = a[i] if a[i] > 0.25 else -a[i]
    return out


def setup():
    rng = np.random.default_rng(0)
    return rng.random(200_000), 0.5

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
