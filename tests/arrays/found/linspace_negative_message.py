# BUG: np.linspace with a negative num always reports -1: "ValueError: Number of samples, -1, must be
# non-negative." for num=-5; NumPy: "ValueError: Number of samples, -5, must be non-negative."
import numpy as np


def grid(n):
    return np.linspace(0.0, 1.0, n)


print(grid(-5))
