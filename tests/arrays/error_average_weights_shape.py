# Covers: np.average with weights of another shape (same or different number of dimensions): NumPy's TypeError.
import numpy as np


def wmean(a, w):
    return np.average(a, weights=w)


print(wmean(np.arange(6.0).reshape(2, 3), np.ones((2, 3))))
try:
    wmean(np.arange(6.0).reshape(2, 3), np.ones((3, 2)))
except TypeError as e:
    print(e)
print(wmean(np.arange(6.0).reshape(2, 3), np.array((1.0, 2.0, 3.0))))
