# BUG: np.average with weights whose shape differs from the array's broadcasts them silently and prints
# 5.666666666666667; NumPy raises "TypeError: Axis must be specified when shapes of a and weights differ."
import numpy as np


def wmean(a, w):
    return np.average(a, weights=w)


print(wmean(np.arange(6.0).reshape(2, 3), np.array((1.0, 2.0, 3.0))))
