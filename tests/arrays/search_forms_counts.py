# Covers: np.bincount (weights, minlength, bool and narrow ints, NumPy's errors), np.digitize (increasing, decreasing and equal bins, right=, scalars, NaN, errors)
import numpy as np


def counts():
    x = np.array([0, 1, 1, 3, 2, 1, 7])
    c = np.bincount(x)
    print(c.dtype, c)
    print(np.bincount(x, minlength=10))
    print(np.bincount(x, minlength=3))
    w = np.array([0.3, 0.5, 0.2, 0.7, 1.0, -0.6, 2.5])
    s = np.bincount(x, weights=w)
    print(s.dtype, s)
    print(np.bincount(x, np.arange(7)))
    print(np.bincount(x, weights=w.astype(np.float32), minlength=9))
    print(np.bincount(np.array([True, False, True])))
    print(np.bincount(np.array([2, 2, 5], np.uint8)))
    print(np.bincount(np.array([2, 2, 5], np.int32)))
    print(np.bincount(np.array([], np.int64)))
    print(np.bincount(np.array([], np.int64), minlength=2))
    try:
        np.bincount(np.array([1, -2]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.bincount(np.array([1.0, 2.0]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.bincount(np.array([1, 2], np.uint64))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.bincount(np.array([[1, 2]]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.bincount(x, minlength=-1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.bincount(x, weights=np.ones(3))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.bincount(x, weights=np.ones(7) * 1j)
    except TypeError as e:
        print("TypeError", e)


def digitizes():
    x = np.array([0.2, 6.4, 3.0, 1.6, -1.0, 10.0, 4.0, np.nan])
    bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
    d = np.digitize(x, bins)
    print(d.dtype, d)
    print(np.digitize(x, bins, right=True))
    rev = bins[::-1].copy()
    print(np.digitize(x, rev))
    print(np.digitize(x, rev, right=True))
    print(np.digitize(np.array([1, 2, 3, 4]), np.array([1, 1, 3, 3])))
    print(np.digitize(np.array([1, 2, 3, 4]), np.array([1, 1, 3, 3]), True))
    print(np.digitize(np.array([1, 2, 3, 4]), np.array([2, 2, 2])))
    print(np.digitize(np.array([[1.5, 2.5], [0.5, 3.5]]), np.array([1, 2, 3])))
    print(np.digitize(2.5, bins), np.digitize(2.5, bins, right=True), np.digitize(3, rev))
    print(np.digitize(np.array([1, 2]), np.array([], np.float64)))
    print(np.digitize(np.array([1, 2], np.int32), np.array([1.5])))
    try:
        np.digitize(x, np.array([1.0, 3.0, 2.0]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.digitize(x, np.array([[1.0, 3.0]]))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.digitize(np.array([1j]), bins)
    except TypeError as e:
        print("TypeError", e)


counts()
digitizes()
