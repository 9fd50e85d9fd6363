# BUG: np.trace of a 1-d array is a compile error with an unhelpful message, "TypingError: tuple index out of range"
# (from the library routine's a.shape[1]); NumPy raises at run time
# "ValueError: diag requires an array of at least two dimensions".
import numpy as np


def f(a):
    return np.trace(a)


print(f(np.zeros(3)))
