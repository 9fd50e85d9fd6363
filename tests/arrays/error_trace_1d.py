# Covers: np.trace of 2-d arrays (ints, floats, a non-square matrix) and of a 1-d array: NumPy's ValueError at run time.
import numpy as np


def f(a):
    return np.trace(a)


print(f(np.arange(9).reshape(3, 3)), f(np.ones((2, 4))), f(np.eye(3, dtype=np.float32)))
print(f(np.zeros(3)))
