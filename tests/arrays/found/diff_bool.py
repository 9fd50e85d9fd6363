# BUG: np.diff of a bool array is a compile-time TypingError ("numpy boolean subtract ... is not supported");
# NumPy's diff uses not_equal for bool arrays and prints [ True False  True].
import numpy as np


def f(a):
    return np.diff(a)


print(f(np.array((True, False, False, True))))
