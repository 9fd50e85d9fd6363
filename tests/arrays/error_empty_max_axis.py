# Covers: ValueError: zero-size array to reduction operation maximum which has no identity, for max(axis=0) of a (0, 3) array
import numpy as np


def column_max(m):
    return m.max(axis=0)


print(column_max(np.arange(6).reshape(2, 3)))
print(column_max(np.zeros((0, 3))))
