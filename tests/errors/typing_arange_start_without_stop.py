# expect: TypingError 6:12: arange() requires stop to be specified.
import numpy as np


def f(n):
    return np.arange(start=n)


f(3)
