# Covers: np.linspace with a negative number of samples: ValueError: Number of samples, -1, must be non-negative.
import numpy as np


def grid(n):
    return np.linspace(0.0, 1.0, n)


print(grid(3))
print(grid(-1))
