# Covers: boolean masks (get, set with a scalar and with values), integer-array indexing (get, set), mask counts
import numpy as np


def clip_negative(a):
    a[a < 0] = 0
    return a


def select(a, lo):
    return a[a > lo]


def take_rows(m, idx):
    return m[idx]


def scatter(a, idx, v):
    a[idx] = v
    return a


x = np.arange(-4, 6)
print(select(x, 1), select(x * 1.5, 2.0), select(np.arange(12).reshape(3, 4), 5))
print(clip_negative(x.copy()), clip_negative(np.linspace(-1.0, 1.0, 5)))
m = np.arange(12).reshape(4, 3)
print(take_rows(m, np.arange(3)[::-1]), take_rows(np.arange(10) * 10, np.arange(-3, 0)))
print(scatter(np.zeros(6), np.arange(0, 6, 2), 7.0), scatter(np.zeros(5), np.arange(3), np.arange(3) + 0.5))
print(scatter(np.zeros((3, 2)), np.arange(2), 9))
y = np.arange(8.0)
y[y > 3] = y[y > 3] * 10
y[(y > 1) & (y < 3)] += 100
print(y)
