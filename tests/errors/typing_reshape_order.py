# expect: TypingError 6:31: order must be one of 'C', 'F', 'A' (got 'K')
import numpy as np


def make(a):
    return a.reshape(4, order='K')


print(make(np.arange(4.0)))
