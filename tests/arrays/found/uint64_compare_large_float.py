# BUG: comparing a uint64 array with a float literal at or above 2**63 gives the wrong answer: u < 1e19 and
# u < 2**63 + 0.0 print [False False False]; NumPy compares in float64 and prints [ True  True  True] twice.
import numpy as np


def f(u):
    print(u < 1e19, u < 2**63 + 0.0)


f(np.arange(3, dtype=np.uint64))
