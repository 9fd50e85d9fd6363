# Covers: np.squeeze / a.squeeze with axis= (an int, negative, a tuple), np.expand_dims (an int, negative, a tuple),
# np.moveaxis (ints and tuples), a.swapaxes, np.atleast_1d/2d/3d (numbers, 0-d to 3-d arrays, several arrays): views
# that share memory (written through), their shapes and strides, and NumPy's errors (an AxisError is the ValueError
# it derives from).
import numpy as np


def geometry(r):
    return r.shape, r.strides


def squeezes(b):
    s = np.squeeze(b, 1)
    s[0, 0] = 50
    t = b.squeeze(axis=(0, 1))
    t[1] += 1
    print(b.ravel(), geometry(s), geometry(t), geometry(np.squeeze(b, -2)), geometry(b.squeeze((-3,))))
    c = b.T
    print(geometry(np.squeeze(c, 1)), geometry(np.squeeze(c[::2], (1, 2))))
    print(np.squeeze(np.array(5.0)), np.squeeze([[1, 2, 3]], 0), b.swapaxes(0, 2).reshape(2, 3), b.T.reshape(-1).strides)


def expands(a):
    e = np.expand_dims(a, 0)
    e[0, 1, 2] = -1
    print(a, geometry(e), geometry(np.expand_dims(a, 1)), geometry(np.expand_dims(a, -1)), geometry(np.expand_dims(a, 2)))
    print(geometry(np.expand_dims(a, (0, 2))), geometry(np.expand_dims(a, (-1, 0))), geometry(np.expand_dims(a.T, 1)))
    print(geometry(np.expand_dims(a[:, ::2], (1, 3))), geometry(np.expand_dims(a[::-1], 0)), np.expand_dims(a[::-1], 0))
    print(np.expand_dims(np.arange(3), 1), np.expand_dims(np.array(2.5), 0), np.expand_dims([1, 2], 0))


def moves(x):
    m = np.moveaxis(x, 0, -1)
    m[0, 0, 1] = 99
    print(x[1, 0, 0], geometry(m), geometry(np.moveaxis(x, -1, 0)), geometry(np.moveaxis(x, 1, 2)))
    print(geometry(np.moveaxis(x, (0, 1), (2, 0))), geometry(np.moveaxis(x, (2, 0), (0, 1))), np.moveaxis(x, 2, 0)[1])
    w = x.swapaxes(0, 2)
    w[1, 0, 0] = -7
    print(x[0, 0, 1], geometry(w), geometry(x.swapaxes(-1, 1)), geometry(x.swapaxes(1, 0)))


def atleasts(v, m):
    print(np.atleast_1d(3), np.atleast_1d(2.5).dtype, np.atleast_2d(True), np.atleast_3d(1j).shape)
    print(geometry(np.atleast_1d(np.array(4))), geometry(np.atleast_2d(np.array(4))), geometry(np.atleast_3d(np.array(4))))
    print(geometry(np.atleast_1d(v)), geometry(np.atleast_2d(v)), geometry(np.atleast_3d(v)))
    print(geometry(np.atleast_1d(m)), geometry(np.atleast_2d(m)), geometry(np.atleast_3d(m)), geometry(np.atleast_3d(m[:, None])))
    r = np.atleast_2d(v)
    r[0, 0] = 42
    print(v, np.atleast_2d(v, v + 1), np.atleast_3d(m, m))


def errors(b):
    for ax in (3, -4, 2):
        try:
            np.squeeze(b, ax)
        except ValueError as e:
            print("ValueError:", e)
    try:
        np.squeeze(b, (0, -3))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.expand_dims(b, 4)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.expand_dims(b, (0, -5))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.expand_dims(b, (1, 1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.moveaxis(b, 3, 0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.moveaxis(b, 0, -4)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.moveaxis(b, (0, 1), (1,))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.moveaxis(b, (0, 0), (1, 2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.moveaxis(b, (0, 1), (2, -1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        b.swapaxes(0, 3)
    except ValueError as e:
        print("ValueError:", e)


squeezes(np.arange(12.0).reshape(1, 1, 12)[:, :, ::2])
squeezes(np.arange(6).reshape(1, 1, 6))
expands(np.arange(6).reshape(2, 3))
moves(np.arange(24).reshape(2, 3, 4))
atleasts(np.arange(3.0), np.ones((2, 2), np.int32))
errors(np.zeros((1, 2, 1)))
