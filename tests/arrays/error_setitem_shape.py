# Covers: ValueError when an assigned array does not broadcast into the target slice
import numpy as np


def put(a, b):
    a[1:3] = b
    return a


print(put(np.zeros(5), np.ones(2)))
print(put(np.zeros(5), np.ones(3)))
