# Covers: one loop variable (idx) bound to index tuples of different lengths in successive loops (np.ndindex of 2 and
# 3 dimensions, then np.ndenumerate of 2-d and 1-d arrays): the name is rebound, as in CPython.
import numpy as np


def walk(a, m3):
    for idx in np.ndindex(2, 3):
        print(idx, end=" ")
    print()
    for idx in np.ndindex(m3.shape):
        a[idx[1], idx[2] % 3] += m3[idx]
    print(a)
    for idx, v in np.ndenumerate(a):
        print(idx, v, end=" ")
    print()
    for idx, v in np.ndenumerate(a[0]):
        print(idx[0] * v, end=" ")
    print()


walk(np.zeros((2, 3), np.int32), np.arange(16).reshape(2, 2, 4))
