# Covers: stores that cast (unsafe, as NumPy's setitem): float into int arrays through reversed views, masks and index arrays, bool into ints, floats into uint8 columns
import numpy as np


def f(a, m):
    a[::-1] = a * 1.5
    print(a)
    a[a > 3] = 2.7
    print(a)
    a[np.array((0, 1))] = np.array((9.9, -9.9))
    print(a)
    a[0] = 3.9
    a[1] = True
    print(a)
    m[:, 0] = np.array((1.5, 2.5))
    m[1] = 255
    m[0, :] = m[1, ::-1] * 0.5
    print(m)
    a[np.array((1,))] = np.array((7,))
    a[np.arange(2)] = 5
    print(a)


f(np.arange(6), np.zeros((2, 3), dtype=np.uint8))
f(np.arange(6, dtype=np.int16), np.zeros((2, 3), dtype=np.uint8))
