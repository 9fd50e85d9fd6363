# expect: TypingError 6:12: np.tensordot() takes its axes as ints or tuples in compiled code (a list's length is known only at run time)
import numpy as np


def contract(a, b):
    return np.tensordot(a, b, axes=([1], [0]))


print(contract(np.ones((2, 3)), np.ones((3, 4))))
