# expect: TypingError 6:12: full() got multiple values for argument 'fill_value'
import numpy as np


def f(a):
    return np.full(3, 1, fill_value=2)


f(np.ones(3))
