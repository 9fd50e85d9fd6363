# Covers: ValueError of matmul of stacks whose stack axes do not broadcast
import numpy as np


def f(a, b):
    return a @ b


print(f(np.ones((2, 2, 3)), np.ones((1, 3, 2))))
print(f(np.ones((2, 2, 3)), np.ones((3, 3, 2))))
