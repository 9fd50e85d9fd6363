# expect: TypingError 10:17: compiled code unpacks only tuples with '*', not numpy.ndarray
import numpy as np


def add3(a, b, c=10):
    return a + b * 2 + c * 3


def f(a):
    return add3(*a)


print(f(np.ones(3)))
