# DIFFERENCE: an array is a value in compiled code (block, data pointer, shape, strides), so a new view with the same
# geometry is the same array: a[:] is a, a.reshape(a.shape) is a and a.T is a (1-d) print True True True; NumPy made
# new objects and prints False False False. Documented in the README (NumPy arrays, Identity).
import numpy as np


def f(a):
    print(a[:] is a, a.reshape(a.shape) is a, a.T is a)


f(np.arange(3))
