# expect: TypingError 6:12: slice indices must be integers or None or have an __index__ method
import numpy as np


def f(a):
    return a[0.5:2]


print(f(np.arange(4)))
