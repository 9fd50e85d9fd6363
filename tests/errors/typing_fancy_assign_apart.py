# expect: TypingError 6:7: assigning through integers and an integer array that are not side by side in one index is not supported in compiled code
import numpy as np


def f(a, i):
    a[0, None, i] = 1.0


f(np.zeros((2, 3, 4)), np.array([0]))
