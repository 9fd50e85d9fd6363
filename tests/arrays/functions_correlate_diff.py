# Covers: np.correlate and np.convolve (modes, either operand longer, NumPy's order of additions bit for bit in float64 and float32, complex conjugation, booleans, int8 wrapping, numbers, errors), np.polyval (numbers, arrays, lists, dtypes), np.diff (n=, axis= of 1-d to 3-d arrays, prepend=/append= numbers and arrays, booleans, unsigned wrapping, errors)
import numpy as np


def data(n, seed):
    # values with many significant bits, computed exactly alike by NumPy and compiled code
    return (np.arange(n) * (37.0 + seed) % 101.0 - 50.0) / 7.3


def convolves():
    for n, m in ((10, 3), (3, 10), (40, 20), (7, 7), (1, 5), (300, 15), (12, 12)):
        a = data(n, 1)
        v = data(m, 2)
        for mode in ("full", "same", "valid"):
            print(n, m, mode)
            print(np.convolve(a, v, mode).tolist())
            print(np.correlate(a, v, mode).tolist())
            r = np.correlate(a.astype(np.float32), v.astype(np.float32), mode)
            print(r.dtype, r.tolist())
            print(np.convolve(a.astype(np.float32), v.astype(np.float32), mode).tolist())
    a = np.array([1, 2, 3, 4, 5])
    v = np.array([2, -1, 3])
    print(np.correlate(a, v), np.correlate(a, v, "same"), np.correlate(a, v, "full"), np.correlate(v, a, "full"), np.correlate(v, a, "same"))
    print(np.convolve(a, v), np.convolve(v, a, "same"), np.convolve(a, 0.5), np.convolve(2, a))
    print(np.correlate(np.array([1j, 2, 3, 4]), np.array([1, 1j]), "same"), np.correlate(np.array([1j, 2]), np.array([1, 1j, 3]), "full"))
    print(np.convolve(np.array([1j, 2, 3, 4]), np.array([1, 1j]), "same"))
    print(np.correlate(np.array([True, False]), np.array([True, True]), "full"), np.convolve(np.array([True, False, False]), np.array([False, True])))
    print(np.correlate(np.array([1, 2, 3], np.int8), np.array([100, 100], np.int8)))
    print(np.correlate(np.array([1.5, 2.5, 3.0], np.float32), np.array([1, 2])), np.correlate([1, 2, 3], [0, 1, 0.5], "full"))
    for first, second in ((np.zeros(0), np.ones(1)), (np.ones(1), np.zeros(0))):
        try:
            np.correlate(first, second)
        except ValueError as e:
            print("ValueError", e)
        try:
            np.convolve(first, second)
        except ValueError as e:
            print("ValueError", e)
    try:
        np.correlate(a, v, "middle")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.convolve(a, v, "middle")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.correlate(np.ones((2, 2)), v)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.correlate(np.ones(3), 2.0)
    except ValueError as e:
        print("ValueError", e)


def polyvals():
    p = np.array([3.0, -2.0, 0.5, 1.25])
    x = np.array([[0.0, 1.5], [-2.0, np.inf]])
    print(np.polyval(p, 2.0), np.polyval(p, 3), np.polyval(np.array([1, 2, 3]), 2), np.polyval(np.array([1, 2, 3]), 0.5))
    print(np.polyval(p, x), np.polyval(data(9, 3), data(5, 4)).tolist())
    print(np.polyval(np.array([1, 2, 3]), np.array([1, 2, 3])), np.polyval([1, -1], [4, 5]), np.polyval([2.5], np.arange(3)))
    r = np.polyval(np.array([1.5, 2.0]), np.array([1.0, 2.0], np.float32))
    print(r.dtype, r)
    print(np.polyval(np.array([1j, 2]), 1 + 1j), np.polyval(np.array([1, 2, 3]), np.array([1j, 2])))
    print(np.polyval(np.array([1, 2], np.int8), np.array([3, 4], np.int8)).dtype)


def diffs():
    a = np.array([1.0, 4.0, 9.0, 16.0, 25.0, 36.0])
    print(np.diff(a), np.diff(a, 2), np.diff(a, 3), np.diff(a, n=5), np.diff(a, 6), np.diff(a, 7), np.diff(a, 0))
    m = np.arange(24).reshape((2, 3, 4)) ** 2
    print(np.diff(m))
    print(np.diff(m, axis=0))
    print(np.diff(m, 2, axis=1))
    print(np.diff(m, axis=-2), np.diff(m.T, axis=1))
    print(np.diff(np.array([True, False, False, True])), np.diff(np.array([True, False, False, True]), 2))
    print(np.diff(np.array([1, 5, 2], np.uint8)), np.diff(np.array([1, 5, 2], np.int8), 2))
    print(np.diff(a, prepend=0.0), np.diff(a, append=100), np.diff(a, 2, prepend=-1, append=np.array([50.0, 70.0])))
    print(np.diff(np.array([1, 5, 2]), prepend=0.5), np.diff(np.array([1, 5, 2], np.int8), append=300))
    print(np.diff(m, axis=1, prepend=0), np.diff(m, axis=0, append=m[:1]))
    print(np.diff([1, 4, 2]), np.diff(a[::-2]))
    try:
        np.diff(a, -1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.diff(np.asarray(2.0))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.diff(m, axis=3)
    except ValueError as e:
        print("ValueError", e)


convolves()
polyvals()
diffs()
