# Covers: np.in1d and np.isin (NumPy 1.24's three methods: the integer table, a comparison per test element, a sort; assume_unique=, invert=, kind=), n-d and scalar elements, mixed dtypes, NaN, errors
import numpy as np


def tables():
    a = np.array([0, 5, 2, 9, -3, 5, 7])
    b = np.array([5, 7, 11, -3])
    print(np.in1d(a, b))
    print(np.in1d(a, b, invert=True))
    print(np.in1d(a, np.array([], np.int64)), np.in1d(a, np.array([], np.int64), invert=True))
    print(np.in1d(np.array([True, False]), np.array([False])))
    print(np.in1d(np.array([1, 2, 200], np.uint8), np.array([200, -1], np.int16)))
    print(np.in1d(np.array([-100, 100, 5], np.int8), np.array([1000, 5, -1000])))
    big = np.array([0, 10 ** 12, 3])
    print(np.in1d(a, big))
    print(np.in1d(a, b, kind="table"))
    print(np.in1d(np.arange(12) % 5, np.array([4, 1, 1, 9, 0, 0, 2, 2, 7, 7, 3, 3, 8, 8, 6, 6, 12])))


def comparisons():
    # few test elements: each is compared with the array (a NumPy scalar against it)
    a = np.array([0.1, 0.5, np.nan, -0.0, 2.0], np.float32)
    print(np.in1d(a, np.array([0.1, 0.0, np.nan])))
    print(np.in1d(a, np.array([0.5, 2.0]), invert=True))
    print(np.in1d(np.array([1 + 2j, 3j]), np.array([3j])))
    print(np.in1d(np.array([1.0, 2.0]), np.array([2, 3])))


def sorts():
    # many test elements: by sorting (assume_unique=True with repeated values gives NumPy's result, not membership)
    a = np.array([4.0, 1.0, 4.0, 3.0, np.nan, 1.0])
    b = np.arange(20.0) * 0.5
    print(np.in1d(a, b))
    print(np.in1d(a, b, invert=True))
    print(np.in1d(a, b, assume_unique=True))
    print(np.in1d(a, b, assume_unique=True, invert=True))
    print(np.in1d(np.array([3, 3, 1, 8]), np.arange(30), kind="sort"))
    print(np.in1d(np.array([3, 3, 1, 8]), np.arange(30), assume_unique=True, kind="sort"))
    rep = np.array([2.0, 2.0, 7.0] + [9.0] * 20)
    print(np.in1d(np.array([2.0, 7.0, 5.0]), rep, assume_unique=True))
    print(np.in1d(np.array([2.0, 2.0, 5.0, 7.0]), rep, True, True))
    x = np.array([1.0, 1.0, 4.0, 3.0])
    y = np.array([5.0, 7.0, 0.0, 6.0, 4.0, 5.0, 4.0, 5.0, 5.0, 6.0, 2.0, 2.0, 3.0, 5.0, 2.0, 6.0, 5.0, 7.0, 5.0, 7.0, 3.0, 7.0, 5.0, 0.0, 2.0])
    print(np.in1d(x, y, assume_unique=True), np.in1d(x, y))


def isins():
    e = np.array([[1, 6, 3], [4, 5, 1]])
    t = np.array([1, 4])
    r = np.isin(e, t)
    print(r.shape, r.dtype)
    print(r)
    print(np.isin(e, t, invert=True))
    print(np.isin(e, [5, 6]))
    print(np.isin(e.T, t))
    print(np.isin(3, t), np.isin(4, t), np.isin(4, t).shape)
    print(np.isin(np.arange(24).reshape(2, 3, 4), np.arange(0, 30, 7)))
    print(np.isin(e, np.arange(100.0), assume_unique=True))


def errors():
    a = np.array([1, 2])
    try:
        np.in1d(a, a, kind="hash")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.in1d(np.array([1.5]), a, kind="table")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.isin(a, np.array([-100, 100], np.int8), kind="table")
    except RuntimeError as e:
        print("RuntimeError", e)


def main():
    tables()
    comparisons()
    sorts()
    isins()
    errors()


main()
