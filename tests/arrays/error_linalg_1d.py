# Covers: numpy.linalg.LinAlgError of np.linalg.inv of a 1-d array
import numpy as np


def f(a):
    return np.linalg.inv(a)


print(f(np.ones(3)))
