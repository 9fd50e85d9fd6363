# Covers: initial= of sum, prod, min and max (methods and np functions; the reduction starts from it, so a min or max
# of an empty array or axis is it) and where= of sum, prod, min, max, mean, any and all (only the elements where it
# is true; a boolean array broadcast to the array's shape, or a bool), whole arrays and along an axis, keepdims;
# NumPy's order of additions (each run of selected elements summed pairwise where NumPy's iterator has one line:
# C- and Fortran-contiguous arrays whole, strided ones row by row; along an outer axis in order), int8 sums in int64,
# float32 in single precision; NumPy's ValueError for min/max with where= but no initial=.
import numpy as np


def main():
    a = ((np.arange(1001) * 7919 % 1009) * 0.991).astype(np.float32)
    m = np.arange(1001) * 37 % 10 > 2
    print(repr(a.sum(where=m)), repr(np.sum(a, where=m, initial=2.5)), repr(a.sum(initial=3.3)))
    print(repr(a.max(initial=2000.0)), repr(np.min(a, initial=-1.0)), repr(np.max(a[:0], initial=-np.inf)))
    print(repr(a.max(where=m, initial=0.0)), repr((a[:40] / 500 + 0.5).prod(where=m[:40])), repr(np.prod(a[:20], initial=2.0)))
    print(repr(a.mean(where=m)), repr(np.mean(a.astype(np.float64), where=m)))
    b = (np.arange(1200).reshape(30, 40) * 7919 % 997) / 997.0
    mb = b > 0.4
    print(b.sum(axis=0, where=mb)[:5], b.sum(axis=1, where=mb)[:5])
    print(b.max(axis=1, initial=0.95)[:6], np.min(b, axis=0, initial=0.02, where=mb)[:6])
    print(b.mean(axis=1, where=mb)[:4], np.mean(b, axis=0, where=mb, keepdims=True).shape)
    print(b.sum(axis=0, initial=1.0)[:4], b.sum(initial=1.0, keepdims=True))
    f = np.asfortranarray(b)
    print(f.sum(axis=0, where=mb)[:4], f.T.sum(axis=1, where=mb.T)[:4], b[::2, ::3].sum(where=mb[::2, ::3], initial=-1.0))
    print(b.astype(np.float32).sum(axis=1, where=mb)[:4], np.sum(b[0], where=mb[0]), b.sum(axis=1, where=mb[0]))
    print(np.any(b > 0.9, where=mb), np.all(b > 0.3, where=mb), np.all(b > 0.3, axis=1, where=mb)[:8])
    i = np.arange(24, dtype=np.int8).reshape(4, 6)
    print(i.sum(where=i % 2 == 0), i.sum(axis=1, initial=100), i.prod(axis=0, where=i > 3), i.max(initial=50), i.min(axis=1, initial=3))
    print(np.sum(b, where=False), np.max(np.zeros((3, 0)), axis=1, initial=7.0), np.sum(np.arange(5), where=np.array([True, False, True, False, True])))
    try:
        b.max(where=mb)
    except ValueError as e:
        print("ValueError", e)


main()
