# BUG: broadcast error messages put a space inside multi-dimensional shapes:
#   sharpjit: ValueError: operands could not be broadcast together with shapes (3, 1) (2, 4)
#   NumPy:    ValueError: operands could not be broadcast together with shapes (3,1) (2,4)
# (1-d shapes such as "(3,) (4,)" already match, which is why the existing corpus did not notice.)
import numpy as np


def add(a, b):
    return a + b


print(add(np.ones((3, 1)), np.ones((2, 4))))
