# convolve: smoothing a 1-D signal with a 31-tap window, the NumPy way (np.convolve, 'valid' part).
# Measures: np.convolve on a long signal with a short kernel.
# Needs: np.convolve(x, w, mode="valid"), float64 arrays.
import numpy as np


def kernel(x, w):
    return np.convolve(x, w, mode="valid")


def setup():
    rng = np.random.default_rng(0)
    w = np.hanning(31)
    return rng.standard_normal(300_000), w / w.sum()

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
