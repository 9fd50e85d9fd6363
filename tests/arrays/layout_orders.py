# Covers: order= of the methods and functions that lay out an existing array's elements: a.copy(order) (default 'C'),
# a.ravel(order) and a.flatten(order) (positional or keyword; 'C', 'F', 'A', 'K', None), np.ravel(a, order='A'/'K'),
# np.reshape(a, s, order='A'), np.copy(a, order), np.array(a, order=) (default 'K') and np.asarray(a, order=) (the
# array itself where it has the order asked, else a copy; strided arrays a contiguous view where they are contiguous);
# results' flags, strides and values, views where NumPy makes them (writes seen through them).
import numpy as np


def flags(x):
    return (x.flags.c_contiguous, x.flags.f_contiguous, x.strides)


def orders(x):
    print(flags(x.copy()), flags(x.copy("F")), flags(x.copy(order="A")), flags(x.copy(order="K")), flags(x.copy(order=None)))
    print(x.flatten("F"), x.flatten(order="A"), x.flatten(order="K"), x.flatten(None))
    print(x.ravel("F"), x.ravel(order="A"), x.ravel(order="K"), np.ravel(x, order="A"), np.ravel(x, order="K"))
    print(flags(np.copy(x, order="F")), flags(np.copy(x, "C")), flags(np.copy(x)))
    print(flags(np.array(x)), flags(np.array(x, order="C")), flags(np.array(x, order="F")), flags(np.array(x, order="A")))
    print(flags(np.asarray(x, order="C")), flags(np.asarray(x, order="F")), flags(np.asarray(x, order="K")))
    print(np.reshape(x, (2, 6), order="A"))


def main():
    a = np.arange(12.0).reshape(3, 4)
    f = a.T
    orders(a)
    orders(f)
    # views: ravel in the array's own order, asarray of an array already in that order
    r = f.ravel(order="A")
    r[0] = -1.0
    s = np.asarray(f, order="F")
    s[0, 1] = -2.0
    print(a[0, 0], a[1, 0], np.asarray(a, order="C") is not None)
    fl = f.flatten("K")
    fl[0] = 99.0
    print(a[0, 0], fl[:3])
    # a strided array: np.asarray makes it contiguous (a copy here), a contiguous one stays a view
    st = a[:, ::2]
    c = np.asarray(st, order="C")
    c[0, 0] = 5.0
    print(a[0, 0], flags(c), flags(np.asarray(st, order="F")), c)
    whole = a[:, :]
    v = np.asarray(whole[::1], order="C")
    v[2, 3] = 7.0
    print(a[2, 3], flags(v))
    one = np.arange(5, dtype=np.int32)
    print(flags(one.copy("F")), one.flatten("F"), flags(np.array(one, order="F")), one[::2].ravel("K"))
    i3 = np.arange(24).reshape(2, 3, 4).transpose(2, 1, 0)   # an order only the run time knows
    print(i3.ravel("C"), i3.ravel("F"), flags(i3.copy("C")), flags(i3.copy("F")), flags(np.array(i3, order="F")))
    print(np.ravel(i3), np.ravel(i3, "F"), np.reshape(i3, (4, 6)), np.reshape(i3, (4, 6), order="F"))


main()
