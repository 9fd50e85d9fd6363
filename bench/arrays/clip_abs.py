# clip_abs: limit a signal to a band with np.clip and take magnitudes with np.abs, then their mean.
# Measures: two elementwise passes (clip, abs) on a large array and a reduction.
# Needs: np.clip(a, lo, hi) with scalar bounds, np.abs, array - scalar, ndarray.mean().
import numpy as np


def kernel(a, lo, hi):
    clipped = np.clip(a, lo, hi)
    return np.abs(clipped - 0.25), np.abs(a).mean()


def setup():
    rng = np.random.default_rng(0)
    return rng.standard_normal(2_000_000), -0.5, 1.5

# --- sanity ---
band, mean = kernel(*setup())
print(f"{band.sum():.9e} {mean:.9e}")
