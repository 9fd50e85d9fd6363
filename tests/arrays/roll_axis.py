# Covers: np.roll along an axis (by position and axis=), negative and large shifts, tuples of shifts and axes
# (summed per axis), F-ordered and strided inputs, empty axes, the flattened form, and its errors
import numpy as np


def rolls(a):
    print(np.roll(a, 1, 0))
    print(np.roll(a, -1, axis=1))
    print(np.roll(a, 7, axis=-1))
    print(np.roll(a, (1, 2), (0, 1)))
    print(np.roll(a, 1, axis=(0, 1)))
    print(np.roll(a, (1, -3), axis=1))
    print(np.roll(a, 2))
    print(np.roll(a.T, 1, 1))
    print(np.roll(a[:, ::2], 1, 1))
    print(np.roll(a.T.copy().T, 1, 0))
    print(np.roll(np.zeros((0, 3)), 2, 0).shape, np.roll(np.arange(5), -2))


def evolve(grid, dt, D):
    lap = np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    return grid + dt * D * lap


def errors(k):
    try:
        if k == 0:
            np.roll(np.ones((2, 2)), 1, 2)
        else:
            np.roll(np.ones((2, 2)), (1, 2, 3), (0, 1))
    except ValueError as e:
        print(type(e).__name__, e)


rolls(np.arange(12).reshape(3, 4))
print(evolve(np.arange(16.0).reshape(4, 4) ** 2, 0.1, 0.5))
errors(0)
errors(1)
