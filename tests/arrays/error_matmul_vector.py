# Covers: ValueError of @ between two 1-d arrays of different lengths (matmul's core-dimension message)
import numpy as np


def inner(a, b):
    return a @ b


print(inner(np.ones(3), np.arange(3.0)))
print(inner(np.ones(3), np.ones(4)))
