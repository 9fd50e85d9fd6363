# Covers: integer-array assignment with too many values: ValueError: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)
import numpy as np


def scatter(a, idx, v):
    a[idx] = v
    return a


print(scatter(np.zeros(5), np.array((0, 1)), np.arange(2)))
print(scatter(np.zeros(5), np.array((0, 1)), np.arange(3)))
