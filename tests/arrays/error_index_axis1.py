# Covers: IndexError on the second axis, with the index as written (negative)
import numpy as np


def get(m, i, j):
    return m[i, j]


m = np.zeros((3, 4))
print(get(m, 2, 3))
print(get(m, 0, -5))
