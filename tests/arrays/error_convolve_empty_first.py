# BUG: np.convolve(empty, non-empty) raises "ValueError: a cannot be empty"; NumPy swaps the operands when v is
# longer than a first, so its message is "ValueError: v cannot be empty".
import numpy as np


def f(a, b):
    return np.convolve(a, b)


print(f(np.zeros(0), np.ones(3)))
