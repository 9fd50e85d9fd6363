# Covers: enumerate and zip over arrays (elements of 1-d arrays, rows of 2-d arrays), mixed with ranges
import numpy as np


def weighted(a, w):
    s = 0.0
    for x, y in zip(a, w):
        s += x * y
    for i, row in enumerate(np.arange(6).reshape(3, 2)):
        print(i, row, row.sum())
    for i, x in enumerate(a, 1):
        s += i * x
    return s


print(weighted(np.linspace(0.0, 1.0, 5), np.arange(5.0)))
