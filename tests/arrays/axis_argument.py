# Covers: an axis (and keepdims) passed to a user function as a constant, through a second function: the callee is
# specialised on the constant, so the reduction's result rank is known while typing.
import numpy as np


def total(a, ax, keep):
    return np.sum(a, axis=ax, keepdims=keep)


def spread(a, ax):
    return np.max(a, axis=ax) - np.min(a, axis=ax) + total(a, ax, False)


def main():
    a = np.arange(24.0).reshape(2, 3, 4)
    print(total(a, 0, False))
    print(total(a, -1, True).shape)
    print(spread(a, 1))
    print(spread(a, 2))


main()
