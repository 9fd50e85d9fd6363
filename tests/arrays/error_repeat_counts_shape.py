# Covers: ValueError of np.repeat with counts of the wrong length
import numpy as np


def f(a, counts):
    return np.repeat(a, counts)


print(f(np.arange(3), np.array((1, 2, 3))))
print(f(np.arange(3), np.array((1, 2))))
