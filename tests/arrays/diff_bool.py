# Covers: np.diff of bool arrays (NumPy uses not_equal), 1-d and along the last axis of 2-d, next to ints and floats.
import numpy as np


def f(a):
    return np.diff(a)


print(f(np.array((True, False, False, True))))
print(f(np.array(((True, True, False), (False, True, True)))))
print(f(np.array((True,))), f(np.arange(5) ** 2), f(np.array((0.5, 0.25, 1.0))))
