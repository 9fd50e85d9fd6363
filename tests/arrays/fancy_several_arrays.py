# Covers: several integer arrays in one index of the leading axes (a[rows, cols] of 3-d and 4-d arrays: rows of the rest; a[i, j, k] and a[i, 0, k] of 3-d arrays): broadcasting of the index arrays (length 1, ints, empty), negative entries, get and set (numbers, per-item values, broadcast rows), NumPy's IndexError for mismatched shapes and out-of-bounds entries
import numpy as np


def take(a, r, c, d):
    print(a[r, c], a[r, c].shape, a[r, 1], a[r, c, d], a[r, 0, d], a[np.array([1]), c])
    print(a[r[:0], c[:1]].shape, a[r, c, 2])


def put(a, r, c, d):
    a[r, c] = 0.5
    a[r, c, d] = -1.0
    a[r, 2, d] = np.array([7.0, 8.0])
    a[r[:1], c] = np.arange(4.0)
    print(a)


def bad(a, r, c):
    try:
        print(a[r, c])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(a[r, c, np.array([0, 1, 2])])
    except IndexError as e:
        print("IndexError:", e)
    try:
        a[r, c] = np.ones((3, 4))
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)


a = np.arange(24.0).reshape(2, 3, 4)
take(a, np.array([1, 0]), np.array([2, -1]), np.array([3, 0]))
take(a.astype(np.int32), np.array([0, 1]), np.array([1, 1]), np.array([-4, 2]))
put(a.copy(), np.array([1, 0]), np.array([2, 0]), np.array([3, 1]))
bad(a, np.array([1, 0]), np.array([0, 5]))
bad(a, np.array([1, 0]), np.array([0, 1, 2]))
b = np.arange(48).reshape(2, 3, 2, 4)
print(b[np.array([1, 0, 1]), np.array([2])], b[np.array([0]), np.array([0, 1]), np.array([1, 0])])
