# BUG: np.concatenate of arrays with different dtypes is a compile-time TypingError ("cannot iterate over the
# heterogeneous tuple"); NumPy promotes (int64 + float64 -> float64) and prints [0.  1.  2.  0.  0.5 1. ].
import numpy as np


def f(a, b):
    return np.concatenate((a, b))


print(f(np.arange(3), np.linspace(0.0, 1.0, 3)))
