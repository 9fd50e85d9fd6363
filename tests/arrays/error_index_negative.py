# Covers: IndexError for a negative index past the start of axis 0 (message shows the index as written)
import numpy as np


def last(a, k):
    return a[-k]


x = np.arange(10)
print(last(x, 1), last(x, 10))
print(last(x, 11))
