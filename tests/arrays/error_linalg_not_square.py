# Covers: numpy.linalg.LinAlgError of np.linalg.det of a matrix that is not square
import numpy as np


def f(a):
    return np.linalg.det(a)


print(f(np.ones((2, 2))))
print(f(np.ones((2, 3))))
