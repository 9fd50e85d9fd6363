# Covers: creation of float32/float64/complex64/complex128/bool arrays: zeros, ones, full, arange, empty+fill, dtype attrs
import numpy as np


def show(a):
    print(a.dtype, a.itemsize, a.ndim, a.shape, a)


def floats():
    show(np.zeros(3, dtype=np.float32))
    show(np.ones((2, 2), dtype=np.float32) / 3)
    show(np.full(4, 0.1, dtype=np.float32))
    show(np.full(4, 0.1))
    show(np.arange(0.5, 3.0, 0.5, dtype=np.float32))
    show(np.full((2, 3), -0.0))
    show(np.full(3, 1e20, dtype=np.float32))


def complexes():
    show(np.zeros(2, dtype=np.complex64))
    show(np.ones(3, dtype=np.complex128))
    show(np.full(3, 1 + 2j))
    show(np.full((2, 2), 0.5 - 1.5j, dtype=np.complex64))
    z = np.empty(3, dtype=np.complex128)
    z.fill(3j)
    show(z)


def bools():
    show(np.zeros(4, dtype=np.bool_))
    show(np.ones((2, 3), dtype=np.bool_))
    show(np.full(3, True))
    b = np.empty(2, dtype=bool)
    b.fill(False)
    show(b)


floats()
complexes()
bools()
