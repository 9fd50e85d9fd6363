# BUG: np.trace of a 0x0 (or 0xN) array raises IndexError: index 0 is out of bounds for axis 0 with size 0
# (the library routine starts its total from a[0, 0]); NumPy prints 0.0.
import numpy as np


def f(a):
    return np.trace(a)


print(f(np.zeros((0, 0))), f(np.zeros((0, 3))))
