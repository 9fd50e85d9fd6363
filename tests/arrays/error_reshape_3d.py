# Covers: ValueError for reshape to three explicit dimensions of the wrong size: cannot reshape array of size 6 into shape (2,2,2)
import numpy as np


def cube(a, k):
    return a.reshape(2, k, 2)


print(cube(np.arange(8), 2))
print(cube(np.arange(6), 2))
