# Covers: np.average with weights summing to zero: ZeroDivisionError: Weights sum to zero, can't be normalized
import numpy as np


def wmean(a, w):
    return np.average(a, weights=w)


print(wmean(np.arange(3.0), np.ones(3)))
print(wmean(np.arange(3.0), np.array((1.0, -2.0, 1.0))))
