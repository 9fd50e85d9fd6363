# Covers: np.apply_along_axis with a compiled function, a NumPy function (np.sum, np.sort), a builtin (len) and a
# lambda: results that are numbers (the axis removed), 1-d arrays (put where the axis was) and 2-d arrays (two new
# axes), extra arguments passed on, negative axes, a 1-d input (a 0-d result for a number), NumPy's ValueError for an
# empty iteration axis.
import numpy as np


def spread(x):
    return x.max() - x.min()


def pair(x):
    return np.array([x.min(), x.sum()])


def outer(x):
    return np.outer(x, x)


def scaled(x, k, shift):
    return x * k + shift


def main():
    a = np.arange(24.0).reshape(2, 3, 4) ** 1.5
    print(np.apply_along_axis(spread, 0, a))
    print(np.apply_along_axis(spread, -1, a))
    print(np.apply_along_axis(pair, 1, a))
    print(np.apply_along_axis(pair, 1, a).shape)
    print(np.apply_along_axis(outer, 1, a[0]).shape, np.apply_along_axis(outer, 0, a[0])[1])
    print(np.apply_along_axis(np.sum, 1, a))
    print(np.apply_along_axis(np.sort, 0, a[:, ::-1, :]))
    print(np.apply_along_axis(scaled, 1, a[1], 2.0, 1))
    print(np.apply_along_axis(spread, 0, np.arange(5)))
    print(np.apply_along_axis(len, 0, np.arange(6).reshape(2, 3)))
    print(np.apply_along_axis(lambda v: (v * v).sum(), 1, np.arange(6).reshape(2, 3)))
    r = np.apply_along_axis(spread, 0, np.arange(5))
    print(r.ndim, r)
    try:
        np.apply_along_axis(spread, 0, np.zeros((3, 0)))
    except ValueError as e:
        print("ValueError", e)


main()
