# Covers: IndexError from integer-array assignment with an index below -size: index -6 is out of bounds for axis 0 with size 5
import numpy as np


def scatter(a, idx):
    a[idx] = 1
    return a


print(scatter(np.zeros(5), np.array((0, -1))))
print(scatter(np.zeros(5), np.array((0, -6))))
