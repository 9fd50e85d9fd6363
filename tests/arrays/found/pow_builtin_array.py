# BUG: the builtin pow() does not accept arrays: pow(a, 2) is "TypingError: unsupported operand type(s) for ** or
# pow(): 'numpy.ndarray' and 'int'", while a ** 2 compiles. NumPy/CPython print [0 1 4 9].
import numpy as np


def square(a):
    return pow(a, 2)


print(square(np.arange(4)))
