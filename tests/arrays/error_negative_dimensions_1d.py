# Covers: ValueError: negative dimensions are not allowed, from np.empty with an int size and dtype=
import numpy as np


def make(n):
    return np.empty(n, dtype=np.uint8)


print(make(0).shape, make(2).shape)
print(make(-1))
