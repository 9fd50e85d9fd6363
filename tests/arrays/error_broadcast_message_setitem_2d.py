# BUG: "ValueError: could not broadcast input array from shape (4, 2) into shape (3, 2)"; NumPy formats the shapes
# without spaces: "could not broadcast input array from shape (4,2) into shape (3,2)".
import numpy as np


def assign(a, b):
    a[:, :] = b
    return a


print(assign(np.ones((3, 2)), np.ones((4, 2))))
