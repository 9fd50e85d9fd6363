# expect: TypingError 6:12: np.broadcast_to() takes the shape as a tuple or an int in compiled code
import numpy as np


def f(a):
    return np.broadcast_to(a, [2, 3])


f(np.zeros(3))
