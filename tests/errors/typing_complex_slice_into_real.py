# expect: TypingError 6:5: storing complex numbers in an array of int64 would discard their imaginary parts
import numpy as np


def first_two(a, z):
    a[:2] = z[:2]   # an internal compiler error before; NumPy warns (ComplexWarning) and keeps the real parts


first_two(np.zeros(3, dtype=np.int64), np.array([1 + 2j, 3 + 4j, 5 + 6j]))
