# expect: TypingError 6:12: np.linalg.multi_dot() of arrays of different dtypes is not supported in compiled code
import numpy as np


def f(a, b):
    return np.linalg.multi_dot((a, b, a))


f(np.eye(2), np.ones((2, 2), np.int64))
