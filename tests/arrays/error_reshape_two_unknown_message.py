# BUG: two -1 dimensions in reshape:
#   sharpjit: ValueError: cannot reshape array of size 10 into shape (-1,-1)
#   NumPy:    ValueError: can only specify one unknown dimension
# (also when the size would fit: np.arange(4).reshape(-1, -1) is the same NumPy error, sharpjit's message names the shape.)
import numpy as np


def f(a):
    return a.reshape(-1, -1)


print(f(np.arange(10)))
