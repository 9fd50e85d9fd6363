# Covers: ValueError of np.concatenate for arrays of different numbers of dimensions
import numpy as np


def join(a, b):
    return np.concatenate((a, b))


print(join(np.arange(3), np.arange(2)))
print(join(np.arange(3), np.ones((2, 3))))
