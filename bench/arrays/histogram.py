# histogram: counts of a large sample in equal-width bins over a fixed range.
# Measures: np.histogram (bin search and counting) on 1-D float64 data.
# Needs: np.histogram(x, bins=int, range=(lo, hi)) and indexing its result tuple.
import numpy as np


def kernel(x, bins, lo, hi):
    return np.histogram(x, bins=bins, range=(lo, hi))[0]


def setup():
    rng = np.random.default_rng(0)
    return rng.standard_normal(1_000_000), 64, -4.0, 4.0

# --- sanity ---
print(kernel(*setup()).sum())
