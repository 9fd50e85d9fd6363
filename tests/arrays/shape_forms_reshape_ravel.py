# Covers: np.reshape and np.ravel of C-contiguous, transposed, strided, reversed and Fortran-ordered arrays: a view
# where NumPy makes one (NumPy's no-copy reshape of non-contiguous arrays; ravel views only C-contiguous arrays),
# checked by writing through the result; strides, the unknown dimension, lists, and NumPy's errors.
import numpy as np


def reshaped(a, shape):
    r = np.reshape(a, shape)
    return r, r.shape, r.strides


def views(a):
    # each result is written to; the writes show in a only where NumPy returns a view
    r = np.reshape(a, (3, 4))
    r[0, 0] = 100
    t = np.reshape(a.T, (4, 3))
    t[0, 0] = 200
    s = np.reshape(a[:, ::2], (6,))
    s[1] = 300
    s2 = np.reshape(a[::2], (2, 2, 2))
    s2[0, 0, 1] = 400
    v = np.ravel(a)
    v[2] = 500
    w = np.ravel(a[:, 1:])
    w[0] = 600
    x = np.ravel(a[1])
    x[0] = 700
    print(a)
    print(t, s, s2.strides, w, x.strides)


def shapes(a):
    print(reshaped(a, (2, -1)), reshaped(a, -1), reshaped(a, (3, 2, 2)))
    print(reshaped(a.T, (2, 6)), reshaped(a.T, (4, 1, 3)), reshaped(a.T, (4, 3, 1)))
    print(reshaped(a[:, ::-1], (3, 4)), reshaped(a[::-1], (12,)))
    print(reshaped(a[:, 1:3], (3, 2)), reshaped(a[:, 1:3], (6,)), reshaped(a[:, 1:3], (3, 1, 2)))
    print(reshaped(a.T[::2], (2, 3)), reshaped(a[1:2], (2, 2)), reshaped(a.T[1:2], (3,)))
    print(np.ravel(a.T), np.ravel(a[::-1, ::2]), np.ravel(a[:, 0]).strides, np.ravel(a[:, :1]).strides)
    print(np.reshape([1, 2, 3, 4], (2, 2)), np.ravel([[1.5, 2.5], [3.5, 4.5]]))
    e = np.zeros((0, 3))
    print(reshaped(e.T, (3, 0)), reshaped(e.T, (0, 3)), np.ravel(e.T).shape)


def error(a, shape):
    try:
        np.reshape(a, shape)
    except ValueError as e:
        print("ValueError:", e)


def errors(a):
    error(a.T, (5, -1))
    error(a.T, (-1, -1))
    error(a.T, (7,))
    error(a.T, (2, 0, -1))
    error(a[::2], (2, 0, -1))
    error(a, (5, 5))
    error(np.zeros((0, 3)).T, (0, -1))


views(np.arange(12).reshape(3, 4))
shapes(np.arange(12.0).reshape(3, 4))
shapes(np.arange(12.0).reshape(4, 3).T)
errors(np.arange(12).reshape(3, 4))
