# BUG (compiler crash): an in-place operator whose right operand has more dimensions than the target,
#   a += b   with a 1-d and b 2-d,
# is an internal compiler error: "InternalError: internal compiler error: ArgumentOutOfRangeException: Specified
# argument was out of the range of valid values. (Parameter 'count')", reported at line 1, column 1.
# NumPy raises at run time: "ValueError: non-broadcastable output operand with shape (3,) doesn't match the
# broadcast shape (2,3)". (With b of shape (1, 3) NumPy also raises that error.)
import numpy as np


def acc(a, b):
    a += b
    return a


print(acc(np.zeros(3), np.ones((2, 3))))
