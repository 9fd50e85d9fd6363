# Covers: IndexError for a 2-d boolean mask whose first dimension differs from the array's
import numpy as np


def select(m, mask):
    return m[mask]


m = np.arange(6).reshape(3, 2)
print(select(m, m > 2))
print(select(m, np.ones((2, 2)) > 0))
