# Covers: a dtype's attributes (a.dtype.itemsize, name, kind, char, str, byteorder, alignment, num, isnative, ndim,
# shape, type) for every dtype, from an array, np.dtype(...) and np.finfo(...).dtype; a.dtype.type(x) making a scalar
# of the array's type; a branch on a.dtype.kind decided while compiling.
import numpy as np


def show(z):
    d = z.dtype
    print(d.name, d.kind, d.char, d.str, d.byteorder, d.itemsize, d.alignment, d.num, d.isnative, d.isbuiltin,
          d.hasobject, d.ndim, d.shape)


def describe(a):
    if a.dtype.kind == 'f':
        return "floating, " + str(a.dtype.itemsize * 8) + " bits"
    if a.dtype.kind in 'iu':
        return "integer"
    return "other: " + a.dtype.kind


def main():
    show(np.zeros(2, np.bool_)); show(np.zeros(2, np.int8)); show(np.zeros(2, np.uint8))
    show(np.zeros(2, np.int16)); show(np.zeros(2, np.uint16)); show(np.zeros(2, np.int32))
    show(np.zeros(2, np.uint32)); show(np.zeros(2, np.int64)); show(np.zeros(2, np.uint64))
    show(np.zeros(2, np.float32)); show(np.zeros(2, np.float64)); show(np.zeros(2, np.complex64))
    show(np.zeros(2, np.complex128))
    a = np.arange(6.0)
    d = np.dtype(np.int32)
    print(d.itemsize, d, d.name, d.str, d.num, d.alignment)
    print(np.dtype('float32').itemsize, np.finfo(np.float32).dtype.itemsize, np.iinfo(np.int16).dtype.name)
    print(a.dtype.type is np.float64, a.dtype.type(3), np.zeros(2, np.int8).dtype.type(7) + np.int8(1))
    print(describe(a), describe(a.astype(np.float32)), describe(np.arange(3)), describe(np.zeros(2, np.complex64)))
    print(a.nbytes // a.dtype.itemsize == a.size)


main()
