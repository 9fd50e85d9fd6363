# expect: TypingError 6:12: np.gradient() takes numbers for the spacing in compiled code (not coordinate arrays)
import numpy as np


def f(y, x):
    return np.gradient(y, x)


f(np.ones(4), np.arange(4.0))
