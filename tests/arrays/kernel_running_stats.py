# Covers: running mean/variance (Welford) over array elements, moving average with cumsum, running max with a loop, exact inputs
import numpy as np


def welford(a):
    n = 0
    mean = 0.0
    m2 = 0.0
    for x in a:
        n += 1
        d = x - mean
        mean += d / n
        m2 += d * (x - mean)
    return mean, m2 / n


def moving_average(a, w):
    c = np.cumsum(a)
    out = np.empty(a.shape[0] - w + 1)
    out[0] = c[w - 1]
    out[1:] = c[w:] - c[:-w]
    return out / w


def running_max(a):
    out = np.empty_like(a)
    m = a[0]
    for i in range(a.shape[0]):
        if a[i] > m:
            m = a[i]
        out[i] = m
    return out


data = np.array((2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0))
print(welford(data), data.mean(), data.var())
print(moving_average(data, 2), moving_average(data, 4), moving_average(np.arange(10), 5))
print(running_max(np.array((3, 1, 4, 1, 5, 9, 2, 6))), running_max(np.array((-1.5, -2.0, 0.5))))
