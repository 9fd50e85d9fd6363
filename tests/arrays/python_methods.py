# Covers: array methods written in Python in the library: a.sort() (in place), a.argsort(), a.repeat(n), a.ptp()
import numpy as np


def methods(a):
    b = a.copy()
    b.sort()
    print(b, a.argsort(), a.repeat(2), a.ptp(), np.arange(6).reshape(2, 3).ptp())
    m = np.array(((3, 1, 2), (9, 7, 8)))
    m.sort()
    print(m)


methods(np.array((5, 3, 9, 1, 7)))
methods(np.array((0.5, -2.0, 3.25)))
