# Covers: np.take / a.take (flat, along an axis, integer and array indices, negative, errors), np.put (flat indices, values repeated, casts, views), np.select (lists and tuples, broadcasting, default, dtypes, errors)
import numpy as np


def takes():
    a = np.arange(12).reshape(3, 4) * 10
    print(np.take(a, np.array([0, 5, -1])))
    print(np.take(a, 7), a.take(-2))
    print(np.take(a, np.array([[1, 2], [3, 4]])))
    print(np.take(a, np.array([2, 0, 2]), axis=0))
    print(np.take(a, np.array([3, -4]), axis=1))
    print(a.take(np.array([1]), axis=-1))
    print(a.take(np.array([1, 1]), 0))
    print(np.take(a, 1, axis=0), np.take(a, -1, axis=1))
    t = np.arange(24).reshape(2, 3, 4)
    print(np.take(t, np.array([2, 0]), axis=1))
    print(np.take(t, 1, axis=2))
    print(np.take(t, 2, axis=1))
    print(np.take(t, np.array([1, 0]), axis=0).shape, np.take(t, np.array([3]), axis=2).shape)
    f = np.linspace(0.0, 1.0, 5)
    print(np.take(f, np.array([4, 0], np.int32)), np.take(f[::2], np.array([1, 2])))
    print(np.take(f, np.array([], np.int64)))
    try:
        np.take(a, 12)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take(a, np.array([5]), axis=1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take(a, np.array([-4]), axis=0)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.take(f, np.array([1.0]))
    except TypeError as e:
        print("TypeError", e)


def puts():
    a = np.zeros(6, np.int64)
    np.put(a, np.array([0, 2, -1]), np.array([7, 8, 9]))
    print(a)
    np.put(a, np.array([1, 3, 4, 5]), np.array([1, 2]))
    print(a)
    np.put(a, 2, 100)
    print(a)
    np.put(a, np.array([0, 1]), 2.9)
    print(a)
    m = np.zeros((3, 4))
    np.put(m, np.array([0, 5, 11]), np.array([1.5, 2.5, 3.5]))
    print(m)
    mt = np.zeros((3, 4)).T
    np.put(mt, np.array([1, 2, 7]), np.array([1.0, 2.0, 3.0]))
    print(mt)
    v = np.zeros((4, 4))
    np.put(v[1:3, ::2], np.array([0, 3]), np.array([5.0, 6.0]))
    print(v)
    try:
        np.put(a, np.array([6]), 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.put(a, -7, 1)
    except IndexError as e:
        print("IndexError", e)


def selects():
    x = np.arange(10)
    print(np.select([x < 3, x > 5], [x, x ** 2]))
    print(np.select([x < 3, x > 5], [x, x ** 2], default=-1))
    print(np.select((x < 3, x < 6), (x * 10, x * 100), 42))
    r = np.select([x < 3, x > 5], [x * 0.5, x * 1.5])
    print(r.dtype, r)
    r = np.select([x < 3], [x.astype(np.float32)])
    print(r.dtype, r)
    # (a default passed to np.select is a number known only at run time there, which counts as small: it fits int8 here)
    r = np.select([x < 3], [x.astype(np.int8)], default=-3)
    print(r.dtype, r)
    m = np.arange(6).reshape(2, 3)
    r = np.select((m > 3, np.array([True, False, True])), (m, np.array([10, 20, 30])), default=-5)
    print(r.shape, r)
    print(np.select([x > 4, x > 1], [x, -x]))
    r = np.select([x > 4, x > 1, x > 0], (x, x * 0.25, np.full(10, 7, np.int8)))
    print(r.dtype, r)
    print(np.select([x > 4, x > 1, x > 0, x == 0], [x, -x, x, x + 1], default=9))
    print(np.select([x > 4, x > 1, x > 0, x < 0, x == 0], [x, -x, x, x, x + 1], default=9))
    try:
        np.select([x > 4, x > 1], [x])
    except ValueError as e:
        print("ValueError", e)
    try:
        np.select([x], [x])
    except TypeError as e:
        print("TypeError", e)


takes()
puts()
selects()
