# Covers: one loop variable (idx) bound to index tuples of different lengths in successive loops (np.ndindex of 2 and
# 3 dimensions, then np.ndenumerate): the name is rebound, as in CPython.
import numpy as np


def indices(a, m3):
    for idx in np.ndindex(2, 3):
        print(idx, end=" ")
    print()
    for idx in np.ndindex((2, 1, 2)):
        print(idx, m3[idx], end=" ")
    print()
    for i, j in np.ndindex(a.shape):
        a[i, j] += i * 10 + j
    print(a, [idx for idx in np.ndindex(3)], list(np.ndindex(0, 2)), list(np.ndindex()))
    total = 0.0
    for idx, v in np.ndenumerate(a):
        total += v * idx[0]
    print(total)
    for pos, v in np.ndenumerate(m3[:, ::2, 1]):
        print(pos, v, end=" ")
    print()
    for (k,), w in np.ndenumerate(np.arange(3.5)):
        print(k, w, end=" ")
    print()
    print(list(np.ndenumerate(np.array(((True, False),)))))


indices(np.zeros((2, 3), np.int32), np.arange(24).reshape(2, 3, 4))
