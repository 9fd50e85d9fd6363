# Covers: np.fromiter over generators (a generator function and a generator expression), range, lists, tuples and
# arrays; dtype= positional and by keyword (bool, int8, int64, float32, float64, complex128), items cast as a store
# casts them (floats into ints); count= exact, fewer than the iterator has, 0, more (NumPy's ValueError), -1 (every
# item) and below -1 (none, as NumPy 1.24); an empty iterator; arrays long enough to grow several times.
import numpy as np


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def collect(n, a):
    print(np.fromiter(evens(n), np.float64), np.fromiter((x * 0.5 for x in range(n)), dtype=np.float32))
    print(np.fromiter(range(n), np.int8, count=3), np.fromiter(range(n), np.int64, 0), np.fromiter([1.5, -2.5, 3.9], np.int64))
    print(np.fromiter((1.5, 0.0, 2.0), np.bool_), np.fromiter(a, np.complex128), np.fromiter(range(0), np.float64))
    print(np.fromiter(range(n), np.float64, count=-1), np.fromiter(range(n), np.float64, count=-2), np.fromiter(evens(n), np.int64, -7))
    big = np.fromiter((i * i for i in range(1000)), np.int64)
    print(big.shape, big.dtype, big[:5], big[-3:], big.sum())
    try:
        np.fromiter(evens(n), np.float64, count=n)
    except ValueError as e:
        print("ValueError", e)


collect(7, np.arange(3.0))
collect(3, np.ones(2))
