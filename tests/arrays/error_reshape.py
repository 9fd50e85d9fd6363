# Covers: ValueError for a reshape to a different size
import numpy as np


def shape(a, n):
    return a.reshape(n, 5)


print(shape(np.arange(10), 2))
print(shape(np.arange(10), 3))
