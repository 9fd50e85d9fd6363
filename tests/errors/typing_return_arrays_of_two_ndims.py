# expect: TypingError 7:9: 'pick' returns numpy.ndarray (2-d float64) on one path and numpy.ndarray (1-d float64) on another
import numpy as np


def pick(a, flat):
    if flat:
        return a.ravel()
    b = a * 2.0
    return b


pick(np.ones((2, 3)), np.ones(3).sum() > 2.0)
