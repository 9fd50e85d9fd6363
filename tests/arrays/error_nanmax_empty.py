# Covers: np.nanmax of an empty array: ValueError: zero-size array to reduction operation fmax which has no identity
import numpy as np


def peak(a):
    return np.nanmax(a)


print(peak(np.array((1.0, np.nan, 3.0))))
print(peak(np.zeros(0)))
