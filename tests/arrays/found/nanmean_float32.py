# BUG: np.nanmean of a float32 array returns a float64 (the sum divided by an int64 count): prints
# 0.20000000794728598 where NumPy's float32 result prints 0.2.
import numpy as np


def f(a):
    return np.nanmean(a)


print(f(np.array((0.1, np.nan, 0.2, 0.3), dtype=np.float32)))
