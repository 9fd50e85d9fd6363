# Covers: np.where (array/scalar branches, broadcasting, result dtype promotion incl. value-based scalars) and np.clip / a.clip on several dtypes
import numpy as np


def show(x):
    print(x.dtype, x)


def wheres(a):
    show(np.where(a > 2, a, 0))
    show(np.where(a > 2, a, -1.5))
    show(np.where(a % 2 == 0, 1, 2))
    show(np.where(a > 1, 1.0, a))
    show(np.where(a > 0, a.astype(np.int8), 1000))
    show(np.where(a > 0, a.astype(np.float32), 0.5))
    show(np.where(a > 3, True, False))


def wheres_2d(m):
    show(np.where(m > 3, m, m * 10))
    show(np.where(np.arange(3) > 0, m, -m))
    show(np.where(m[:, :1] > 1, 1, m))


def clips(a):
    show(np.clip(a, 1, 3))
    show(a.clip(-1, 2))
    show(np.clip(a, 1.5, 2.5))
    show(np.clip(a.astype(np.uint8), 2, 200))
    show(np.clip(a.astype(np.float32), 0.5, 2.0))
    show(np.clip(a * 1.0, a - 1.0, 3.0))
    show(np.clip(a, 3, 1))


wheres(np.arange(6))
wheres_2d(np.arange(6).reshape(2, 3))
clips(np.arange(5))
n = np.array((np.nan, 1.0, 5.0))
print(np.clip(n, 2.0, 4.0), np.where(n != n, 0.0, n))
