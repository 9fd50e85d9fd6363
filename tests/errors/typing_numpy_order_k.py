# expect: TypingError 6:34: only 'C' or 'F' order is permitted
import numpy as np


def make():
    return np.ones((3, 2), order='K').strides


print(make())
