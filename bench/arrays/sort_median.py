# sort_median: order statistics of a large sample as NumPy users take them: a sorted copy, the indices that sort it,
# and the median.
# Measures: np.sort and np.argsort of 1-D float64 data (radix sort here; NumPy and Numba sort by comparisons) and
# np.median (a selection in linear time here and in NumPy).
# Needs: np.sort, np.argsort, np.median, indexing a result.
import numpy as np


def kernel(x):
    s = np.sort(x)
    order = np.argsort(x)
    return s[len(s) // 10] + x[order[-1]] + np.median(x)


def setup():
    rng = np.random.default_rng(0)
    return (rng.standard_normal(1_000_000),)

# --- sanity ---
print(f"{kernel(*setup()):.9e}")
