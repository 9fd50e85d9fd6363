# expect: TypingError 6:12: repeat() got an unexpected keyword argument 'times'
import numpy as np


def f(a):
    return a.repeat(2, times=3)


f(np.arange(3))
