# Covers: IndexError on the third axis of a 3-d array, after successful reads on the same array
import numpy as np


def voxel(c, i, j, k):
    return c[i, j, k]


c = np.arange(24).reshape(2, 3, 4)
print(voxel(c, 1, 2, 3), voxel(c, -2, -3, -4))
print(voxel(c, 0, 0, -5))
