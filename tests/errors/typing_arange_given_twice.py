# expect: TypingError 6:12: argument for arange() given by name ('stop') and position (position 1)
import numpy as np


def f(n):
    return np.arange(1, n, stop=5)


f(3)
