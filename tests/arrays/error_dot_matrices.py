# Covers: ValueError of np.dot for 2-d x 2-d with mismatched inner dimensions
import numpy as np


def mul(a, b):
    return np.dot(a, b)


print(mul(np.ones((2, 3)), np.ones((3, 1))))
print(mul(np.ones((2, 3)), np.ones((2, 3))))
