# expect: TypingError 6:22: order must be one of 'C', 'F', 'A', or 'K' (got 'X')
import numpy as np


def flat(a):
    return a.flatten("X")


print(flat(np.arange(4.0)))
