# expect: TypingError 6:12: np.nan_to_num() takes real numbers for nan, posinf and neginf in compiled code
import numpy as np


def f(a):
    return np.nan_to_num(a, nan=1j)


f(np.ones(3))
