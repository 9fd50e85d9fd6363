# expect: TypingError 6:12: np.squeeze() and a.squeeze() without axis= are not supported in compiled code
import numpy as np


def f(a):
    return np.squeeze(a)


f(np.zeros((1, 3)))
