# Covers: np.histogram with range=(hi, lo): ValueError: max must be larger than min in range parameter.
import numpy as np


def counts(a, lo, hi):
    h, e = np.histogram(a, bins=3, range=(lo, hi))
    return h


print(counts(np.arange(6.0), 0.0, 6.0))
print(counts(np.arange(6.0), 6.0, 0.0))
