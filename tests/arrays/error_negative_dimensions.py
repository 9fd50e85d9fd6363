# Covers: ValueError: negative dimensions are not allowed, from np.zeros with a computed size
import numpy as np


def buffer(n, k):
    return np.zeros((n - k, 2))


print(buffer(3, 1))
print(buffer(3, 5))
