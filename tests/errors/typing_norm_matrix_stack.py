# expect: TypingError 6:12: np.linalg.norm() of the matrices of an array of more than two dimensions (a 2-tuple axis) is not supported in compiled code
import numpy as np


def f(a):
    return np.linalg.norm(a, 2, axis=(1, 2))


f(np.ones((2, 3, 3)))
