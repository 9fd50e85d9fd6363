# expect: TypingError 6:12: np.linalg.multi_dot(out=) is not supported in compiled code
import numpy as np


def f(a, out):
    return np.linalg.multi_dot((a, a, a), out=out)


f(np.eye(2), np.zeros((2, 2)))
