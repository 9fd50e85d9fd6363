# Covers: with ... too (a[..., r, c], b[r, ..., c], b[..., r, c] = v, a[0, ..., i] = v); two or three integer arrays side by side after slices or before trailing slices (a[:, rows, cols], a[1:, i, 0, k], a[rows, cols, :], a[:, rows, cols] of 4-d arrays): the broadcast axis where they stand; apart (a[r, :, c], b[r, :, c, d]; assignment a[0, :, idx] = v): the broadcast axis first; reads and assignments (numbers, broadcast values), NumPy's IndexError naming the array's axis, shape mismatch of the index arrays
import numpy as np


def take(a, r, c):
    print(a[:, r, c], a[:, r, c].shape, a[1:, r, 1], a[r[:1] % 2, c % 3, :], a[::-1, r, c].sum())


def take4(b, r, c, d):
    print(b[:, r, c].shape, b[:, r, c, 1], b[1:, r, 0, d], b[:, :, r, c].shape)


def put(a, r, c):
    a[:, r, c] = -1.0
    a[1:, r, 0] = 9.0
    a[:, r[:1], c] = np.array([[5.0], [6.0]])
    print(a)


def bad(a, r, c):
    try:
        print(a[:, r, c])
    except IndexError as e:
        print("IndexError:", e)


a = np.arange(24.0).reshape(2, 3, 4)
take(a, np.array([2, 0, -1]), np.array([3, 1, 0]))
take(a.astype(np.int16), np.array([1]), np.array([0, 2]))
put(a.copy(), np.array([2, 0]), np.array([3, 1]))
bad(a, np.array([1, 0]), np.array([0, 4]))
bad(a, np.array([1, 5]), np.array([0, 1]))
bad(a, np.array([1, 0]), np.array([0, 1, 2]))
b = np.arange(120).reshape(2, 3, 4, 5)
take4(b, np.array([0, 2]), np.array([1, 3]), np.array([4, 0]))


def apart(a, b, r, c, d):
    # not side by side: NumPy puts the broadcast axis first
    print(a[r, :, c], a[r, 1:, c].shape, b[r, :, c, :].shape, b[:, r, :, c], b[r, :, c, d])
    a[r, :, c] = 0.0
    b[r, :, c, d] = -7
    b[r, 1, :, c] = np.arange(4)
    print(a, b[:, :, 0])


apart(a.copy(), b.copy(), np.array([1, 0]), np.array([3, -1]), np.array([4, 0]))


def apart_with_integers(a, i):
    a[0, :, i] = -2.0
    a[1, :, i] = np.array([[10.0], [20.0]])
    print(a, a[0, :, i])


apart_with_integers(np.arange(24.0).reshape(2, 3, 4), np.array([3, 0]))


def with_dots(a, b, r, c):
    print(a[..., r, c], b[..., r, c].shape, b[r, ..., c], b[r, ..., c].shape, b[..., r, 1, c])
    b[..., r, c] = -5
    a[0, ..., c] = 0.5
    print(b[0, 0], a)


with_dots(np.arange(24.0).reshape(2, 3, 4), np.arange(120).reshape(2, 3, 4, 5), np.array([1, 0]), np.array([2, 1]))
