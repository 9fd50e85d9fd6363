# Covers: ValueError: Integers to negative integer powers are not allowed, for an int array ** a negative array element
import numpy as np


def powers(a, e):
    return a ** e


print(powers(np.arange(1, 4), np.array((2, 0, 1))))
print(powers(np.arange(1, 4), np.array((2, -1, 1))))
