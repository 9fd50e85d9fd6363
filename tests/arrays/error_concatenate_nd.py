# Covers: ValueError of np.concatenate of 3-d arrays whose other dimensions differ
import numpy as np


def f(a, b):
    return np.concatenate((a, b), axis=2)


print(f(np.ones((2, 3, 2)), np.ones((2, 3, 4))).shape)
print(f(np.ones((2, 3, 2)), np.ones((2, 2, 4))))
