# Covers: IndexError when a boolean mask's shape differs from the array's
import numpy as np


def pick(a, m):
    return a[m]


print(pick(np.arange(3), np.arange(3) > 0))
print(pick(np.arange(5), np.arange(3) > 0))
