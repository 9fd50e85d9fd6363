# Covers: IndexError for a whole-row index m[i] past axis 0 of a 2-d float32 array
import numpy as np


def row(m, i):
    return m[i]


m = np.ones((3, 2), dtype=np.float32)
print(row(m, 2), row(m, -3))
print(row(m, 3))
