# Covers: ValueError of @ (matmul) for mismatched inner dimensions
import numpy as np


def mul(a, b):
    return a @ b


print(mul(np.ones((2, 3)), np.ones(3)))
print(mul(np.ones((2, 3)), np.ones((4, 2))))
