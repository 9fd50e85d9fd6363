# Covers: np.nanmean keeps the array's inexact dtype (float32 stays float32), float64 and ints give float64.
import numpy as np


def f(a):
    return np.nanmean(a)


x = f(np.array((0.1, np.nan, 0.2, 0.3), dtype=np.float32))
print(type(x).__name__, x)
x = f(np.array((1.5, 2.25), dtype=np.float32))
print(type(x).__name__, x)
print(f(np.array((0.1, np.nan, 0.2, 0.3))), f(np.arange(4)))
