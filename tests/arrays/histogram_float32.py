# Covers: np.histogram of float32 data: float32 edges (NumPy's np.result_type(first_edge, last_edge, a)), the data
# compared with the range's bounds rounded to float32; int and float64 data keep float64 edges.
import numpy as np


def hist(a, bins):
    return np.histogram(a, bins=bins)


def hist_range(a, bins, lo, hi):
    return np.histogram(a, bins=bins, range=(lo, hi))


print(hist(np.arange(5, dtype=np.float32) / 10, 4))
print(hist_range(np.arange(5, dtype=np.float32) / 10, 3, 0.1, 0.7))
print(hist_range(np.array([0.7, 0.8, 1.0], dtype=np.float32), 3, 0.7, 1.0))
print(hist(np.array([2.5, 2.5], dtype=np.float32), 2))
print(hist(np.zeros(0, dtype=np.float32), 2))
print(hist_range(np.array([0.1, 0.3, 1e-8], dtype=np.float32), 7, 0, 1))
print(hist(np.arange(5), 2), hist(np.arange(5.0), 2))
