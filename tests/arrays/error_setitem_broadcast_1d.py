# Covers: ValueError: could not broadcast input array from shape (3,) into shape (4,), whole-array a[:] = b
import numpy as np


def copy_into(a, b):
    a[:] = b
    return a


print(copy_into(np.zeros(3), np.arange(3)))
print(copy_into(np.zeros(4), np.arange(3)))
