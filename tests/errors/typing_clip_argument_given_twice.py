# expect: TypingError 6:12: _clip() got multiple values for argument 'min'
import numpy as np


def f(a):
    return a.clip(0, min=1)


f(np.ones(3))
