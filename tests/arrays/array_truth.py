# Truth of arrays: an array of one element is as true as that element (0-d, 1-d, 2-d, a slice, every dtype), an
# empty one is False (NumPy 1.24 warns that this is deprecated; the value is the same), and more than one element is
# NumPy's ValueError, raised where the truth is taken.
import numpy as np


def truth_of(a):
    out = []
    if a:
        out.append("if")
    if not a:
        out.append("not")
    out.append("yes" if a else "no")
    return out, bool(a)


def first_positive(a):
    i = 0
    while a[i:i + 1] <= 0:
        i += 1
    return i


def ambiguous(a):
    try:
        if a:
            return "true"
        return "false"
    except ValueError as e:
        return "ValueError: " + str(e)


def both(zero, one):
    print(zero.dtype, truth_of(zero), truth_of(one))


both(np.zeros(1, np.bool_), np.ones(1, np.bool_))
both(np.zeros(1, np.int8), np.ones(1, np.int8))
both(np.zeros(1, np.uint16), np.ones(1, np.uint16))
both(np.zeros(1, np.int64), np.ones(1, np.int64))
both(np.zeros(1, np.float32), np.ones(1, np.float32))
both(np.zeros(1, np.float64), np.ones(1, np.float64))
both(np.zeros(1, np.complex128), np.ones(1, np.complex128))
print(truth_of(np.array(0.0)), truth_of(np.array(2.5)))
print(truth_of(np.full((1, 1), 3)), truth_of(np.zeros((1, 1))))
print(truth_of(np.arange(5)[2:3]), truth_of(np.arange(5)[0:1]), truth_of(np.arange(6).reshape(2, 3)[1:, 2:]))
print(truth_of(np.array([np.nan])), truth_of(np.array([-0.0])), truth_of(np.array([0j + 1e-300j])))
print(first_positive(np.array([-1.0, 0.0, 0.0, 4.0, 5.0])))
print(ambiguous(np.arange(3)), ambiguous(np.zeros((2, 2))), ambiguous(np.ones(1)))
