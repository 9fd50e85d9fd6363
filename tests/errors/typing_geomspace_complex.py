# expect: TypingError 6:12: np.geomspace() of complex numbers is not supported in compiled code
import numpy as np


def f(a, b):
    return np.geomspace(a, b, 5)


f(1j, 100j)
