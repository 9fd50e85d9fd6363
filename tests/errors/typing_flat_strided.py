# expect: TypingError 6:12: a.flat of an array that is not C-contiguous is not supported in compiled code
import numpy as np


def f(a):
    return a.T.flat[0]


f(np.ones((2, 3)))
