# Covers: IndexError for a boolean mask shorter than the array, made by comparing a slice
import numpy as np


def positive_part(a):
    return a[a[1:] > 0]


print(positive_part(np.arange(-2, 3)))
