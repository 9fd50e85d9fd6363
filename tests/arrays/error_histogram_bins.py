# Covers: np.histogram with bins=0: ValueError: `bins` must be positive, when an integer
import numpy as np


def counts(a, n):
    h, e = np.histogram(a, bins=n)
    return h


print(counts(np.arange(4.0), 2))
print(counts(np.arange(4.0), 0))
