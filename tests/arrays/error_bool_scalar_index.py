# Covers: a bool scalar in an index (NumPy's 0-d boolean mask): a new axis of length 1 (True) or 0 (False), the result
# a copy; assignment through it writes everything or nothing; the value's broadcast error.
import numpy as np


def pick(a, flag):
    for r in (a[True], a[False], a[flag], a[:, True], a[..., False], a[True, 1:]):
        print(r.shape, r)
    r = a[None, flag]
    print(r.shape, r)


def store(a, flag):
    b = a[True]
    b[0, 0] = 99
    print(a[0, 0])
    a[True] = 5
    a[False] = 7
    a[:, flag] += 1
    print(a)
    a[False] = np.arange(4)
    a[True] = np.arange(4) * 2
    print(a)


def bad(a, v):
    a[False] = v


pick(np.arange(12).reshape(3, 4), True)
x = np.arange(3.0)
print(x[True], x[False], x[np.bool_(True)])
store(np.arange(12).reshape(3, 4), False)
try:
    bad(np.zeros((3, 4)), np.arange(3.0))
except ValueError as e:
    print(e)
bad(np.zeros((3, 4)), np.arange(5.0))
