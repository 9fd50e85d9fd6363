# Covers: numpy.linalg.LinAlgError: Singular matrix from np.linalg.solve of a matrix with a zero column
import numpy as np


def f(a, b):
    return np.linalg.solve(a, b)


print(f(np.eye(3), np.arange(3)))
print(f(np.array(((1, 0, 2), (3, 0, 4), (5, 0, 6))), np.arange(3)))
