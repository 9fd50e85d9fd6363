# Covers: np.split and np.array_split (a number of sections or a list, tuple or array of indices, negative and
# out-of-range indices as slices clip them, axis= of 2-d and 3-d arrays): lists of views that share memory; np.append
# (flattened, or along an axis), np.delete and np.insert (an index, a list or array of indices, a boolean mask,
# a slice; axis=), np.resize; NumPy's errors.
import numpy as np


def geometry(r):
    return r.shape, r.strides


def splits(v, m):
    print(np.split(v, 5), np.split(v, [2, 5]), np.split(v, (3, -2, 20)), np.split(v, np.array([4])), np.split(v, [5, 2]))
    print(np.array_split(v, 4), np.array_split(v, 5), np.array_split(v, 12), np.array_split(v, [1, 1, 1]))
    parts = np.split(m, 2, axis=1)
    parts[0][0, 0] = -5
    print(m[0, 0], [geometry(p) for p in parts], np.split(m, [1], axis=0), np.array_split(m, 3, axis=-1))
    c = np.arange(24).reshape(2, 3, 4)
    print([geometry(p) for p in np.split(c, 3, axis=1)], np.array_split(c, 3, axis=2)[2], len(np.split(c, 2)))
    print(np.split(np.arange(4.0), [1, 2]), np.array_split(np.zeros(0), 2), np.array_split([1, 2, 3], 2))


def appends(m):
    print(np.append(m, [7, 8]), np.append(m, m, axis=0), np.append(m, np.ones((2, 1), np.int64), axis=1))
    print(np.append([1, 2], 3.5), np.append(np.arange(3), np.arange(2.0)), np.append(m, [[9, 9, 9]], axis=0))


def deletes(v, m):
    print(np.delete(v, 2), np.delete(v, -1), np.delete(v, [0, 3, 3]), np.delete(v, np.array([1, -2])), np.delete(v, slice(1, 7, 2)))
    print(np.delete(v, v > 5), np.delete(m, 1, axis=0), np.delete(m, [0, 2], axis=1), np.delete(m, 1), np.delete(m, -1, 1))
    print(np.delete(v, []), np.delete(m, slice(None, None, 2), axis=-1))


def inserts(v, m):
    print(np.insert(v, 2, 99), np.insert(v, 0, [7, 8]), np.insert(v, 10, -1), np.insert(v, -1, 5), np.insert(v, [1, 3], [50, 60]))
    print(np.insert(v, [3, 1], [50, 60]), np.insert(v, [2, 2, 0], 0), np.insert(v, np.array([-1, 10]), 7), np.insert(v, [4], [1, 2, 3]))
    print(np.insert(m, 1, 0, axis=0), np.insert(m, 1, [5, 6], axis=1), np.insert(m, 2, [1, 2, 3], axis=0), np.insert(m, [0, 2], -1, axis=1))
    print(np.insert(m, 1, 9), np.insert(v, 1, 2.7), np.insert(m, 0, [[1, 2, 3], [4, 5, 6]], axis=0), np.insert(m, 1, [[1], [2]], axis=1))


def resizes(m):
    print(np.resize(m, (3, 4)), np.resize(m, 4), np.resize(m, (2, 2, 2)), np.resize(np.zeros(0), 3), np.resize(m, (0, 5)))
    print(np.resize(m.T, 7), np.resize([1, 2, 3], (2, 2)))


def errors(v, m):
    try:
        np.split(v, 4)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.split(v, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        np.array_split(v, 0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.split(m, 2, axis=2)
    except IndexError as e:
        print("IndexError:", e)
    try:
        np.append(m, [1, 2], axis=0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.delete(v, 10)
    except IndexError as e:
        print("IndexError:", e)
    try:
        np.delete(v, [1, -11])
    except IndexError as e:
        print("IndexError:", e)
    try:
        np.delete(v, np.array([True, False]))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.delete(m, 0, axis=2)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.insert(v, 11, 0)
    except IndexError as e:
        print("IndexError:", e)
    try:
        np.insert(v, [1, 11], 0)
    except IndexError as e:
        print("IndexError:", e)
    try:
        np.resize(m, (2, -1))
    except ValueError as e:
        print("ValueError:", e)


splits(np.arange(10), np.arange(12).reshape(3, 4))
appends(np.arange(6).reshape(2, 3))
deletes(np.arange(10), np.arange(12).reshape(3, 4))
inserts(np.arange(10), np.arange(6).reshape(2, 3))
resizes(np.arange(6).reshape(2, 3))
errors(np.arange(10), np.arange(6).reshape(2, 3))
