# Covers: np.tile and np.repeat (int and per-item counts, along any axis, negative axis) of 3-d and 4-d arrays, the a.repeat method, results in C order, NumPy's errors (negative repeats, axis out of bounds, counts of the wrong length)
import numpy as np


def tiles(a):
    print(np.tile(a, 2).shape, np.tile(a, (2, 1)), np.tile(a, (1, 2, 3)).shape, np.tile(a, (2, 1, 1))[2:, 0])
    t = np.tile(a, (3, 2))
    print(t.shape, t.strides, t[:, -1, -1])


def repeats(a):
    print(np.repeat(a, 2, axis=0).shape, np.repeat(a, 2, axis=2)[0], np.repeat(a, 3, axis=-2)[1, :, 0])
    print(np.repeat(a, np.array([1, 0, 2]), axis=1), a.repeat(2, axis=1).shape)
    r = np.repeat(a, [2, 1], axis=0)
    print(r.shape, r.strides, r[:, 0, 0], np.repeat(a, 2).shape)


def attempt(a, which):
    try:
        if which == 0:
            print(np.repeat(a, 2, axis=3).shape)
        elif which == 1:
            print(np.repeat(a, np.array([1, 2]), axis=1).shape)
        elif which == 2:
            print(np.repeat(a, np.array([1, -1, 1]), axis=1).shape)
        else:
            print(np.tile(a, (1, -2)).shape)
    except ValueError as e:
        print("ValueError:", e)


def errors(a):
    for which in range(4):
        attempt(a, which)


a = np.arange(24).reshape(2, 3, 4)
tiles(a)
tiles(a.astype(np.float32).transpose(1, 0, 2))
repeats(a)
repeats(a.astype(np.float64)[:, :, ::2])
errors(a)
b = np.arange(16.0).reshape(2, 2, 2, 2)
print(np.tile(b, 2)[1, 1], np.repeat(b, 2, axis=3)[0, 0], np.repeat(b, 2, axis=1).shape)
