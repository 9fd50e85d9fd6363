# Covers: ValueError when a per-row vector does not broadcast against 1-d data (shapes (4,) (3,))
import numpy as np


def scale(x, w):
    return x * w + 1.0


print(scale(np.ones(3), np.arange(3.0)))
print(scale(np.ones(4), np.arange(3.0)))
