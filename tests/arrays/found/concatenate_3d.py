# BUG: np.concatenate of 3-d arrays fails: ValueError: could not broadcast input array from shape (1, 2, 2) into
# shape (1, 2) (the library routine allocates a 2-d result for every ndim > 1). NumPy returns the (2, 2, 2) array.
import numpy as np


def f(a, b):
    return np.concatenate((a, b))


print(f(np.zeros((1, 2, 2)), np.ones((1, 2, 2))))
