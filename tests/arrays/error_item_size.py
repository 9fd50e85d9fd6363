# Covers: ValueError: can only convert an array of size 1 to a Python scalar, from .item()
import numpy as np


def only(a):
    return a.item()


print(only(np.ones(1)), only(np.arange(6).reshape(2, 3)[1:, 2:]))
print(only(np.arange(3)))
