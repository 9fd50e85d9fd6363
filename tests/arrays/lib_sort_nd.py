# Covers: a.sort(axis=, kind=) in place, a.argsort(axis=), a.repeat(n, axis=), a.ptp(axis=) with positional and keyword arguments; np.sort/np.argsort along every axis of 3-d arrays (views, NaN), np.swapaxes of 3-d arrays
import numpy as np


def methods(a, m3):
    b = a.copy()
    b.sort(axis=0)
    print(b, a.argsort(axis=0), a.argsort(0), a.repeat(2, axis=1), a.repeat(3, 0), a.repeat(2), a.ptp(axis=1))
    c = a.copy()
    c.sort(-1, "stable")
    print(c, a.argsort(kind="mergesort"))
    print(np.sort(m3), np.sort(m3, axis=0), np.sort(m3, 1), np.sort(m3, axis=None))
    print(np.argsort(m3), np.argsort(m3, axis=0), np.argsort(m3, axis=-2))
    d = m3.copy()
    d.sort()
    print(d)
    d.sort(1)
    print(d, m3.argsort(axis=1), np.swapaxes(m3, 0, 2), np.swapaxes(m3, -1, 1).shape)


methods(np.array(((3, 1, 2), (0, 5, -4))), np.array((5, 2, 8, 1, 9, 0, 3, 3, 7, 4, 6, 11, 10, 2, 1, 8, 0, 5, 9, 7, 6, 4, 3, 2)).reshape(2, 3, 4)[:, :, ::-1])
methods(np.array(((0.5, np.nan, -2.0), (1.0, -1.0, 0.0))), np.linspace(1.0, -1.0, 24).reshape(4, 3, 2) ** 2)
