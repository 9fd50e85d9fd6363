# Covers: np.linspace with a negative number of samples other than -1 known at run time: NumPy's message with the
# number.
import numpy as np


def grid(n):
    return np.linspace(0.0, 1.0, n)


print(grid(0), grid(1))
print(grid(-5))
