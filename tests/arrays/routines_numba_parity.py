# Covers: NumPy functions and methods Numba compiles that were missing: np.row_stack, np.broadcast_shapes (ints, tuples, none, its mismatch and negative-dimension errors), np.dtype (from a type, a name, an array's dtype), np.searchsorted with sorter= and a list of values (and its sorter errors), a.searchsorted, np.roots (real and complex coefficients, integers, leading and trailing zeros, float32), a.flags' attributes on C, Fortran, strided, sliced, empty and read-only (broadcast) arrays
import numpy as np


def flags(a):
    f = a.flags
    return (f.c_contiguous, f.f_contiguous, f.contiguous, f.fortran, f.forc, f.fnc, f.writeable, f.aligned,
            f.writebackifcopy, f.behaved, f.carray, f.farray)


def shapes_error(*shapes):
    try:
        print(np.broadcast_shapes(*shapes))
    except ValueError as e:
        print("ValueError:", e)


def sorter_error(u, sorter):
    # A float sorter makes the method raise on every path (a call typed as never returning).
    try:
        print(u.searchsorted(2.0, "left", sorter))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


a = np.arange(6.0)
print(np.row_stack((a, a * 2)))
print(np.row_stack((np.ones((2, 3)), np.zeros(3))))
print(np.broadcast_shapes((3, 1), (1, 4), 4))
print(np.broadcast_shapes())
print(np.broadcast_shapes(2))
print(np.broadcast_shapes((2, 0), (1, 1)))
shapes_error((3,), (4,))
shapes_error((2, 3), (3, 2), (2, 3))
shapes_error((-1,), (4,))
print(np.zeros(3, dtype=np.dtype("float32")))
print(np.dtype(np.int64) == np.int64, np.dtype("f4") == np.float32)
print(np.ones(2, np.dtype(a.dtype)))
u = np.array([3.0, 1.0, 4.0, 1.5, 5.0, 9.0])
order = np.argsort(u)
print(np.searchsorted(u, [1.0, 4.0, 10.0], sorter=order))
print(np.searchsorted(u, [[1.0], [4.5]], side="right", sorter=order))
print(np.sort(u).searchsorted(2.5), np.sort(u).searchsorted(np.array([1.0, 5.0]), side="right"))
print(u.searchsorted(4.0, sorter=order))
sorter_error(u, np.array([0, 1]))
sorter_error(u, np.array([0, 1, 2, 3, 4, 9]))
sorter_error(u, np.array([0.0, 1, 2, 3, 4, 5]))
print(np.roots(np.array([1.0, -3.0, 2.0])))
print(np.roots(np.array([1, -6, 11, -6])))
print(np.roots(np.array([0.0, 0.0, 1.0, -1.0, 0.0, 0.0])))
print(np.roots(np.array([2.0])))
print(np.roots(np.array([1 + 0j, -3, 2])))
print(np.roots(np.array([1.0, 2.0], np.float32)))
print(np.roots([1.0, -5.0, 6.0]))
m = np.arange(12.0).reshape(3, 4)
print(flags(m))
print(flags(m.T))
print(flags(m[:, :1]))
print(flags(m[:1, :]))
print(flags(m[:, ::2]))
print(flags(m[:0, ::2]))
print(flags(a[::2]))
print(flags(np.asfortranarray(m)))
print(flags(np.broadcast_to(a, (2, 6))))
