# Covers: IndexError when assigning to an element past the end (m[i, j] = v), int8 array
import numpy as np


def put(m, i, j, v):
    m[i, j] = v
    return m


m = np.zeros((2, 3), dtype=np.int8)
print(put(m, 1, 2, 5))
print(put(m, 1, 3, 5))
