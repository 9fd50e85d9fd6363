# Covers: ValueError of np.array of a list of arrays of different lengths (NumPy's inhomogeneous shape message)
import numpy as np


def f(n):
    print(np.array([np.arange(2)] * 2))
    return np.array([np.arange(k + 2) for k in range(n)])


print(f(2))
