# expect: TypingError 6:21: data type 'bogus' not understood
import numpy as np


def eps():
    return np.finfo("bogus").eps


print(eps())
