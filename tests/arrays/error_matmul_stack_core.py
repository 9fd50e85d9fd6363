# Covers: ValueError of matmul of a stack and a vector of the wrong length
import numpy as np


def f(a, b):
    return np.matmul(a, b)


print(f(np.ones((2, 2, 3)), np.ones(3)))
print(f(np.ones((2, 2, 3)), np.ones(4)))
