# Covers: np.convolve with an empty kernel: ValueError: v cannot be empty
import numpy as np


def smooth(a, k):
    return np.convolve(a, k)


print(smooth(np.arange(4.0), np.ones(2)))
print(smooth(np.arange(4.0), np.ones(0)))
