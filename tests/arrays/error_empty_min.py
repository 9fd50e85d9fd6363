# Covers: ValueError: zero-size array to reduction operation minimum which has no identity (int8 array, whole-array min)
import numpy as np


def lowest(a):
    return a.min()


print(lowest(np.arange(3, dtype=np.int8)))
print(lowest(np.arange(3, dtype=np.int8)[3:]))
