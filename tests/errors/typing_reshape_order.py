# expect: TypingError 6:31: order 'K' is not permitted for reshaping
import numpy as np


def make(a):
    return a.reshape(4, order='K')


print(make(np.arange(4.0)))
