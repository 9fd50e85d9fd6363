# expect: TypingError 6:12: np.random: a distribution's parameters must be numbers in compiled code
import numpy as np


def f(shape):
    return np.random.gamma(shape, 2.0, 3)


print(f(np.ones(3)))
