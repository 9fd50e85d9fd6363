# Covers: ValueError of np.linalg.solve with a right-hand side of the wrong length (1-d and 2-d)
import numpy as np


def f(a, b):
    return np.linalg.solve(a, b)


try:
    f(np.eye(2), np.ones((3, 2)))
except ValueError as e:
    print(e)
print(f(np.eye(2), np.ones(3)))
