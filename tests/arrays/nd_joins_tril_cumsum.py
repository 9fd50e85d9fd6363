# Covers: arrays of three dimensions in np.vstack/np.hstack (NumPy's concatenate errors), np.tril/np.triu (the last two axes), np.cumsum/np.cumprod and the a.cumsum(axis=) method along any axis (negative too, int32), AxisError
import numpy as np


def join3(a, b):
    print(np.vstack((a, b)).shape, np.hstack((a, b)).shape, np.vstack((a, b))[2], np.hstack((a, b))[1, 3])
    try:
        print(np.vstack((a, b[0])))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(np.hstack((a, b[:, :2, :3])))
    except ValueError as e:
        print("ValueError:", e)


def nd(b, c):
    print(np.cumsum(b, axis=0)[1], np.cumsum(b, axis=2)[1, 2], np.cumprod(c, axis=1)[0], np.cumsum(b, axis=-2).sum())
    print(b.cumsum(axis=1)[1, 2], np.cumsum(b.T, axis=0)[3])
    print(np.tril(b), np.triu(b, 1)[1], np.tril(c, -1).sum(), np.triu(c.T)[0])
    try:
        print(np.cumsum(b, axis=3))
    except ValueError as e:
        print("ValueError:", e)


def method_2d(m):
    print(m.cumsum(axis=1), m.cumprod(axis=0), m.cumsum(axis=None))


a = np.arange(24.0).reshape(2, 3, 4)
join3(a, a + 100)
join3(a.astype(np.int32), (a * 2).astype(np.int32))
b = np.arange(24.0).reshape(2, 3, 4)
c = np.arange(1, 25).reshape(2, 3, 4).astype(np.int32)
nd(b, c)
method_2d(np.arange(1.0, 7.0).reshape(2, 3))
