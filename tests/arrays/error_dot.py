# Covers: ValueError of np.dot for shapes that are not aligned
import numpy as np


def mul(a, b):
    return np.dot(a, b)


print(mul(np.ones((2, 3)), np.ones(3)))
print(mul(np.ones((2, 3)), np.ones(4)))
