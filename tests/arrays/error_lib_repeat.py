# Covers: ValueError of np.repeat and np.tile for a negative count
import numpy as np


def rep(a, n):
    print(np.tile(a, n + 1))
    return np.repeat(a, n)


print(rep(np.arange(3), 2))
print(rep(np.arange(3), -1))
