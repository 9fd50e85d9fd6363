# histogram_loops: counts in equal-width bins by hand: one loop over the data computing an integer bin.
# Measures: float-to-int conversion, a range check and an indexed increment (a scatter) per element.
# Needs: 1-D float64 data, np.zeros(n, dtype=np.int64), int(), counts[b] += 1.
import numpy as np


def kernel(x, bins, lo, hi):
    counts = np.zeros(bins, dtype=np.int64)
    scale = bins / (hi - lo)
    for i in range(len(x)):
        if lo <= x[i] < hi:
            counts[int((x[i] - lo) * scale)] += 1
    return counts


def setup():
    rng = np.random.default_rng(0)
    return rng.standard_normal(200_000), 64, -4.0, 4.0

# --- sanity ---
print(kernel(*setup()).sum())
