# Covers: np.fliplr, np.flipud and np.rot90 (k of any sign, axes=, 2-d and 3-d, strided inputs): views with negative
# strides that share memory (written through), their strides, and NumPy's errors.
import numpy as np


def geometry(r):
    return r.shape, r.strides


def flips(m, c):
    l = np.fliplr(m)
    l[0, 0] = -1
    u = np.flipud(m)
    u[0, 1] = -2
    print(m, geometry(l), geometry(u), np.flipud(np.arange(4)), np.fliplr(c).strides, np.flipud(c)[0])
    print(np.fliplr(m[:, ::2]), np.flipud(m.T), np.fliplr([[1, 2], [3, 4]]))


def rotations(m, c):
    for k in range(-5, 6):
        print(k, np.rot90(m, k), geometry(np.rot90(m, k)))
    r = np.rot90(m)
    r[0, 0] = 100
    print(m[0, 3], np.rot90(m, 1, (1, 0)), np.rot90(m, -1, axes=(-1, 0)), np.rot90(m.T, 2), np.rot90(m[::2, 1:], 3))
    print(geometry(np.rot90(c)), geometry(np.rot90(c, 1, (1, 2))), geometry(np.rot90(c, 3, (2, 0))), np.rot90(c, 2, (0, 2))[0])
    print(np.rot90(np.zeros((0, 3))).shape, np.rot90([[1, 2], [3, 4]]))


def errors(m):
    try:
        np.rot90(m, 1, (0, 0))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.rot90(m, 1, (0, -2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.rot90(m, 1, (0, 2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.rot90(m, 1, (0, 1, 2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.rot90(np.arange(3))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.rot90(np.zeros((2, 2, 2)), 1, (-4, 1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.fliplr(np.arange(3))
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.flipud(np.array(3))
    except ValueError as e:
        print("ValueError:", e)


flips(np.arange(12).reshape(3, 4), np.arange(24.0).reshape(2, 3, 4))
rotations(np.arange(12).reshape(3, 4), np.arange(24.0).reshape(2, 3, 4))
errors(np.arange(6).reshape(2, 3))
