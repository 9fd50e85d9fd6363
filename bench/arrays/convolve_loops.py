# convolve_loops: smoothing a 1-D signal with a 31-tap window by two loops (the 'valid' part, window reversed as
# np.convolve does).
# Measures: a short dot-product inner loop with a sliding offset (vectorisable or not, depending on the compiler).
# Needs: 1-D float64 arrays, np.zeros(n), x[i + j] and w[m - 1 - j] reads.
import numpy as np


def kernel(x, w):
    n = len(x)
    m = len(w)
    out = np.zeros(n - m + 1)
    for i in range(n - m + 1):
        s = 0.0
        for j in range(m):
            s += x[i + j] * w[m - 1 - j]
        out[i] = s
    return out


def setup():
    rng = np.random.default_rng(0)
    w = np.hanning(31)
    return rng.standard_normal(10_000), w / w.sum()

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
