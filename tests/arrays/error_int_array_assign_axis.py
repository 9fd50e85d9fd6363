# Covers: ValueError of a[:, idx] = value when the value does not broadcast to the selection
import numpy as np


def f(a, idx, v):
    a[:, idx] = v
    return a


print(f(np.zeros((3, 4)), np.array((0, 1, 2)), np.ones(3)))
print(f(np.zeros((3, 4)), np.array((0, 1, 2)), np.ones(2)))
