# expect: TypingError 6:12: argmax() got an unexpected keyword argument 'where'
import numpy as np


def first_largest(a, mask):
    return a.argmax(where=mask)


print(first_largest(np.arange(4.0), np.arange(4) > 1))
