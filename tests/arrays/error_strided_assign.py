# Covers: ValueError for assigning 3 values into the 2-element strided slice a[1:4:2]
import numpy as np


def put_odd(a, v):
    a[1:4:2] = v
    return a


print(put_odd(np.zeros(6), np.ones(2)))
print(put_odd(np.zeros(6), np.ones(3)))
