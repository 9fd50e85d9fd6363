# expect: TypingError 6:12: round() of a boolean array gives float16 in NumPy
import numpy as np


def f(a):
    return a.round(1)


f(np.zeros(3) > 1)
