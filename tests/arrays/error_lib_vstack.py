# Covers: ValueError of np.vstack when the rows differ in length, naming the dimension, the index and the sizes
import numpy as np


def rows(m, v, w):
    return np.vstack((m, v, w))


m = np.arange(6).reshape(2, 3)
print(rows(m, np.arange(3), np.arange(3)))
print(rows(m, np.arange(3), np.arange(4)))
