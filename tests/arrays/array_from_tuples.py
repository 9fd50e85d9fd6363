# Covers: np.array/np.asarray of nested tuples (ints, floats, bools, mixed int/float), dtype=, 3 levels, np.array of arrays
import numpy as np


def from_tuples():
    a = np.array((1, 2, 3))
    b = np.array(((1.5, 2.0), (3.0, 4.25)))
    c = np.array((True, False, True))
    d = np.array((1, 2.5, 3))
    e = np.array((((1, 2), (3, 4)), ((5, 6), (7, 8))))
    print(a, a.dtype, b, b.dtype, c, c.dtype, d, d.dtype, e.shape, e)


def with_dtype():
    print(np.array((1, 2, 3), dtype=np.float32), np.array((1.7, -1.7), dtype=np.int32), np.array((0, 1, 2), dtype=np.bool_))
    print(np.array(((1, 2), (3, 4)), dtype=np.uint8), np.array((1, 2), dtype=np.complex128), np.asarray((3, 4, 5)))


def from_arrays(x):
    y = np.array(x)
    y[0] = 100
    z = np.asarray(x)
    print(x, y, z, y.dtype, np.array(x, dtype=np.float32))


def scalars_inside(k):
    t = np.array((k, k * 2, k * 3))
    u = np.array((k, 0.5))
    print(t, t.dtype, u, u.dtype)


from_tuples()
with_dtype()
from_arrays(np.arange(4))
scalars_inside(7)
