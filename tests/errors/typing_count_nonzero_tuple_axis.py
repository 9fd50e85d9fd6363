# expect: TypingError 6:37: count_nonzero() takes an int written in the call or None for axis in compiled code
import numpy as np


def counts(a):
    return np.count_nonzero(a, axis=(0, 1))


counts(np.ones((2, 3)))
