# Covers: np.intersect1d (assume_unique=, return_indices=), np.union1d, np.setdiff1d, np.setxor1d (assume_unique=), mixed dtypes, NaN, lists and n-d arrays
import numpy as np


def intersections():
    a = np.array([3, 1, 2, 3, 5, 1, 9])
    b = np.array([5, 5, 7, 1, 3])
    r = np.intersect1d(a, b)
    print(r.dtype, r)
    v, i, j = np.intersect1d(a, b, return_indices=True)
    print(v, i, j, i.dtype)
    print(np.intersect1d(a, b, return_indices=False))
    print(np.intersect1d(np.array([1, 4, 2]), np.array([2, 8, 1]), assume_unique=True))
    print(np.intersect1d(np.array([1, 4, 2]), np.array([2, 8, 1]), True, True))
    print(np.intersect1d(a.reshape(1, 7), b.astype(np.float32)))
    print(np.intersect1d(np.array([1.5, np.nan, 2.0, np.nan]), np.array([np.nan, 2.0])))
    print(np.intersect1d([1, 2, 3], [3, 2]))
    print(np.intersect1d(np.array([], np.int64), b))
    print(np.intersect1d(np.array([1 + 1j, 2j]), np.array([2j, 3.0])))
    print(np.intersect1d(np.array([True, False]), np.array([True])))
    print(np.intersect1d(np.array([3, 1, 3], np.int8), np.array([3, 300], np.int16), return_indices=True))


def unions():
    a = np.array([[4, 1], [2, 4]])
    b = np.array([7.5, 1.0])
    r = np.union1d(a, b)
    print(r.dtype, r)
    print(np.union1d([3, 1], [2, 2]))
    print(np.union1d(np.array([np.nan, 1.0]), np.array([np.nan])))
    print(np.union1d(np.array([], np.float32), np.array([], np.float32)).dtype)


def differences():
    a = np.array([5, 3, 1, 3, 8, 2])
    b = np.array([3, 4, 8])
    print(np.setdiff1d(a, b))
    print(np.setdiff1d(a, b, assume_unique=True))
    print(np.setdiff1d(np.array([[1.0, 2.5], [np.nan, 4.0]]), np.array([4])))
    print(np.setdiff1d(a, np.array([], np.int64)))
    print(np.setxor1d(a, b))
    print(np.setxor1d(np.array([1, 2, 3]), np.array([2, 3, 4]), assume_unique=True))
    print(np.setxor1d(np.array([1, 1, 2]), np.array([2, 2, 4]), True))
    print(np.setxor1d(np.array([np.nan, 1.0]), np.array([np.nan])))
    print(np.setxor1d(np.array([], np.int64), np.array([], np.int64)))
    print(np.setxor1d([1, 2], [2.5]))


def main():
    intersections()
    unions()
    differences()


main()
