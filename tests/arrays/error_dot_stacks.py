# Covers: ValueError of np.dot of a 3-d array and a matrix that do not align (NumPy's 'not aligned' message)
import numpy as np


def f(a, b):
    return np.dot(a, b)


print(f(np.ones((2, 2, 3)), np.ones((3, 2))))
print(f(np.ones((2, 2, 3)), np.ones((4, 2))))
