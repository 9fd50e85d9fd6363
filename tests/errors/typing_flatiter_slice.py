# expect: TypingError 6:21: a flatiter takes an integer index in compiled code
import numpy as np


def f(a):
    return a.T.flat[1:3]


f(np.ones((2, 3)))
