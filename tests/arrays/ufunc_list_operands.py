# Covers: lists and tuples where NumPy takes an array: a ufunc's operands (np.add([1, 2, 3], a), and
# np.bitwise_and(mask, [1, 1, 4]) as numpy-benchmarks' check_mask writes it), lists only (np.sqrt([1.0, 4.0])), nested
# lists (2-d), either side of an operator whose other side is an array (a * [1, 2, 3], [1.5, 2.5, 3.5] + a,
# (0, 2, 2) == a), in-place operators on an array (a += [1, 2, 3]), the dtypes NumPy gives lists of ints, floats and
# bools, NumPy's broadcasting error for a list of the wrong length; `in` keeps asking the list (a in [1.0, 2.0])
import numpy as np


def ufunc_lists(a):
    return np.add([1, 2, 3], a), np.multiply(a, (2, 3, 4)), np.sqrt([1.0, 4.0, 9.0]), np.maximum([1, 5, 2], [3, 1, 4])


def check_mask(mask, vector):
    return np.bitwise_and(mask, vector)


def nested(a):
    return np.subtract([[1, 2, 3], [4, 5, 6]], a)


def operators(a):
    return a * [1, 2, 3], [1.5, 2.5, 3.5] + a, (0, 2, 2) == a, a >= [0, 2, 1]


def in_place(a):
    a += [1, 2, 3]
    b = a.copy()
    b *= (2, 2, 2)
    return a, b


def bools(a):
    return np.logical_and([True, False, True], a > 0)


def membership(a):
    return a in [1.0, 2.0], a not in (3.0, 4.0)


def wrong_length(a):
    return np.add([1, 2], a)


print(ufunc_lists(np.arange(3.0)))
print(ufunc_lists(np.arange(3)))
print(check_mask(np.array([1, 3, 5]), [1, 1, 4]))
print(nested(np.arange(3)))
print(operators(np.arange(3.0)))
print(in_place(np.arange(3.0)))
print(bools(np.array([1, -1, 2])))
print(membership(np.array(2.0)), membership(np.array(5.0)))
try:
    wrong_length(np.arange(3))
except ValueError as e:
    print("ValueError:", e)
