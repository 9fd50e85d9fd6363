# Covers: IndexError of an integer array out of bounds on the second axis
import numpy as np


def f(m, idx):
    return m[:, idx]


print(f(np.arange(6).reshape(2, 3), np.array((0, 2))))
print(f(np.arange(6).reshape(2, 3), np.array((0, 3))))
