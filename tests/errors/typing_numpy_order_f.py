# expect: TypingError 6:34: numpy.ones(order='F') is not supported in compiled code
import numpy as np


def make():
    return np.ones((3, 2), order='F').strides


print(make())
