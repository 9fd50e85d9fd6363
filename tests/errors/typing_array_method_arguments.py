# expect: TypingError 6:5: argument for sort() given by name ('axis') and position (position 0)
import numpy as np


def f(a):
    a.sort(0, axis=0)


f(np.arange(3))
