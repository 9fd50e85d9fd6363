# expect: TypingError 6:12: 'MGridClass' object is not callable
import numpy as np


def f():
    return np.mgrid(3)


print(f())
