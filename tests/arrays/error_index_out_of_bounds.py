# Covers: IndexError with NumPy's message for an index past the end (checked by default)
import numpy as np


def get(a, i):
    return a[i]


a = np.arange(10)
print(get(a, 9), get(a, -10))
print(get(a, 10))
