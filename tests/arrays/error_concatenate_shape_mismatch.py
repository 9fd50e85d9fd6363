# BUG: np.concatenate does not check the non-concatenation dimensions: a (1, 1) block is broadcast into a row of
# (2, 3) and the program prints a 3x3 array. NumPy: ValueError: all the input array dimensions except for the
# concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at
# index 1 has size 1
import numpy as np


def f(a, b):
    return np.concatenate((a, b))


print(f(np.zeros((2, 3)), np.ones((1, 1))))
