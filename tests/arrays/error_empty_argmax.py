# Covers: ValueError: attempt to get argmax of an empty sequence, from an empty mask selection
import numpy as np


def best(a, lo):
    return a[a > lo].argmax()


x = np.arange(5.0)
print(best(x, 1.0))
print(best(x, 10.0))
