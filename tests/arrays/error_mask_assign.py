# Covers: ValueError when a masked assignment gets the wrong number of values
import numpy as np


def put(a, v):
    a[a > 2] = v
    return a


print(put(np.arange(5), np.arange(2)))
print(put(np.arange(5), np.arange(3)))
