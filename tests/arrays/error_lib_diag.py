# Covers: ValueError of np.diag for an array of three dimensions (after diagonals of 1-d and 2-d arrays)
import numpy as np


def diagonal(a):
    return np.diag(a)


print(diagonal(np.arange(3)), diagonal(np.arange(6).reshape(2, 3)))
print(diagonal(np.arange(8).reshape(2, 2, 2)))
