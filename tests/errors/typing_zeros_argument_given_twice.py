# expect: TypingError 6:12: argument for zeros() given by name ('shape') and position (position 0)
import numpy as np


def f(a):
    return np.zeros(3, shape=3)


f(np.ones(3))
