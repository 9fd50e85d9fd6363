# DIFFERENCE: errors NumPy raises at run time that sharpjit reports at compile time, as a TypingError, so nothing the
# program printed before the failing call appears and the exception type/message differ. Each function below is one
# case (only the first is reported, since compilation stops there):
#   a[0, 0] on a 1-d array   NumPy: IndexError: too many indices for array: array is 1-dimensional, but 2 were indexed
#   a.sum(axis=2) on 2-d     NumPy: numpy.AxisError: axis 2 is out of bounds for array of dimension 2
#   int_array += 1.5         NumPy: numpy.core._exceptions._UFuncOutputCastingError: Cannot cast ufunc 'add' output
#                                   from dtype('float64') to dtype('int64') with casting rule 'same_kind'
#   if a > 0: (a has >1 el.) NumPy: ValueError: The truth value of an array with more than one element is ambiguous.
#                                   Use a.any() or a.all()
#   int(a) / float(a) of a size-1 array work in NumPy; of a larger one:
#                            NumPy: TypeError: only size-1 arrays can be converted to Python scalars
import numpy as np


def too_many(a):
    return a[0, 0]


def axis(a):
    return a.sum(axis=2)


def cast(a):
    a += 1.5
    return a


def truth(a):
    return 1 if a > 0 else 2


def to_float(a):
    return float(a)


print("start")
print(too_many(np.arange(3)))
print(axis(np.zeros((2, 2))))
print(cast(np.arange(3)))
print(truth(np.arange(3)))
print(to_float(np.ones(1)))
