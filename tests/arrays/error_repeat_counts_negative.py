# Covers: ValueError of np.repeat with a negative count along an axis
import numpy as np


def f(a, counts):
    return np.repeat(a, counts, axis=1)


print(f(np.ones((2, 3)), np.array((1, 2, 3))))
print(f(np.ones((2, 3)), np.array((1, -2, 3))))
