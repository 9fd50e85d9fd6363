# a[np.where(c)] and a[np.nonzero(a)]: a 1-tuple of index arrays indexes as its array does, get and set.
import numpy as np


def select_positive(a):
    return a[np.where(a > 1)], a[np.nonzero(a)]


def zero_small(a):
    a[np.where(a < 2)] = 0
    a[np.nonzero(a > 3)] += 10
    return a


def rows(m):
    return m[(np.array([1, 0]),)], m[(m > 4,)]


a = np.arange(5.0)
print(select_positive(a))
print(zero_small(np.arange(6)))
print(rows(np.arange(9).reshape(3, 3)))
