# BUG (leak): an int array ** array with a negative exponent raises "ValueError: Integers to negative integer powers
# are not allowed." and leaks one runtime allocation (the result array): the live-allocation count is one higher.
# The same inside a fused expression (a ** e + 1).
import numpy as np


def powers(a, e):
    return a ** e


print(powers(np.arange(1, 4), np.array((2, -1, 1))))
