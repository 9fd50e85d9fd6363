# expect: TypingError 6:8: 'dtype(float64)' has no truth value in compiled code
import numpy as np


def f(a):
    if a.dtype:
        return 1
    return 0


print(f(np.zeros(3)))
