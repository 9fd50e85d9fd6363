# Covers: IndexError for a column index past axis 1 in m[:, j] (index 5 is out of bounds for axis 1 with size 3)
import numpy as np


def column(m, j):
    return m[:, j]


m = np.arange(6).reshape(2, 3)
print(column(m, 2), column(m, -3))
print(column(m, 5))
