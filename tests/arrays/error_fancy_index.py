# Covers: IndexError from integer-array indexing with an out-of-range entry: index 7 is out of bounds for axis 0 with size 5
import numpy as np


def gather(a, idx):
    return a[idx]


a = np.arange(5) * 10
print(gather(a, np.array((4, 0, -5))))
print(gather(a, np.array((0, 7, 1))))
