# BUG: indexing with a bool scalar is taken as the integer 0/1: a[True] gives the element a[1] (prints 1);
# NumPy treats a scalar bool index as a 0-d mask and returns a[None] (prints [[0 1 2 3]]), and a[False] an empty
# (0, 4) array.
import numpy as np


def pick(a):
    return a[True]


print(pick(np.arange(4)))
