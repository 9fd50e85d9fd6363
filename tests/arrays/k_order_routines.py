# Covers: NumPy's K order for routines that make a new array of their operand's shape or of its shape less an axis:
# np.cumsum/np.cumprod (and the methods) along an axis, np.sort along any axis, ufunc.accumulate and ufunc.reduce along
# an axis of a Fortran-ordered array give Fortran-ordered results (C-ordered operands C-ordered ones); values,
# contiguity flags and strides as NumPy's.
import numpy as np


def flags(x):
    return (x.flags.c_contiguous, x.flags.f_contiguous, x.strides)


def routines(a):
    c0 = np.cumsum(a, axis=0)
    c1 = a.cumprod(axis=1)
    print(c0, flags(c0), c1, flags(c1), flags(np.cumsum(a.astype(np.float32), axis=1)))
    s = np.sort(a)
    s0 = np.sort(a, axis=0)
    print(s, flags(s), s0, flags(s0), flags(np.argsort(a, axis=0)))
    m = np.maximum.accumulate(a, axis=0)
    r = np.add.reduce(a, axis=1)
    print(m, flags(m), r, flags(r), flags(np.minimum.accumulate(a, axis=1)))


def three(b):
    r = np.multiply.reduce(b, axis=1)
    c = np.cumsum(b, axis=2)
    s = np.sort(b, axis=1)
    print(r, flags(r), flags(c), c[1, 1], flags(s), s[1, 1])


def main():
    a = (np.arange(12.0).reshape(3, 4) * 7.0) % 5.0
    routines(a)
    routines(a.T)
    routines(np.asfortranarray(a))
    b = ((np.arange(24).reshape(2, 3, 4) * 5) % 7).astype(np.int64)
    three(b)
    three(b.T)


main()
