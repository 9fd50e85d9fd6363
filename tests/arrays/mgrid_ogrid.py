# Covers: np.mgrid / np.ogrid (NumPy's nd_grid): one slice (np.arange, or a complex step's number of points with the stop
# included), a tuple of one to four slices (int64, or float64 when any part is a float or complex number), ogrid's list
# of broadcastable axes, run-time bounds, and a negative size's ValueError.
import numpy as np


def grids():
    print(repr(np.mgrid[0:3, 0:4]))
    print(repr(np.mgrid[0:5]))
    print(repr(np.mgrid[0:1:5j]))
    print(repr(np.mgrid[-1:1:3j, 0:2]))
    print(repr(np.mgrid[0:3:0.5]))
    print(repr(np.mgrid[0.0:3, 1:2]))
    print(repr(np.ogrid[0:3, 0:4]))
    print(repr(np.ogrid[0:3]))
    print(repr(np.ogrid[0:1:3j, 0:5:2]))
    print(repr(np.mgrid[3:0:-1]))
    print(repr(np.mgrid[:3]))
    print(np.mgrid[0:3, 0:2, 0:2].shape, np.mgrid[0:3, 0:2, 0:2][2, 1])
    print(repr(np.mgrid[1:1]))
    print(repr(np.mgrid[0:3:-1j]))
    print(repr(np.mgrid[0:3:0j]))
    print(repr(np.mgrid[0:2, 0.5:2:1]))
    print(repr(np.mgrid[0:3, ]))
    print(repr(np.ogrid[0:2:1j, 1:3, 0:1:2j]))
    g4 = np.mgrid[0:2, 0:1:2j, 0:3, 1:3]
    print(g4.shape, g4.dtype, g4[3, 1, 1], g4[1, :, 1, 2])
    print(np.mgrid[0:2, 0:3, 0:2, 0:2].shape, repr(np.ogrid[0:2, 0:1, 0:3, 0:2]))


def sized(n, lo, hi):
    g = np.mgrid[lo:hi:n * 1j, 0:n]
    x = g[0]
    y = g[1]
    return x + y


def bad(n):
    try:
        print(np.mgrid[0:3, 0:n])
    except ValueError as ex:
        print("ValueError", ex)


grids()
print(sized(3, -1.0, 1.0))
bad(-2)
