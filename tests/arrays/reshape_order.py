# Covers: reshape and ravel in Fortran order (a.reshape(..., order='F'), np.reshape(a, s, order='F'),
# np.ravel(a, order='F'), order='A' of arrays whose order the type knows), views where NumPy makes them (writes seen
# through them), copies otherwise, and NumPy's ValueError for a size that does not fit.
import numpy as np


def main():
    a = np.arange(12.0).reshape(3, 4)
    print(a.reshape((4, 3), order="F"))
    print(a.reshape(2, 6, order="F"), a.reshape(-1, order="F"), a.reshape((2, 2, 3), order="C"))
    print(np.reshape(a, (6, 2), order="F"), np.ravel(a, order="F"), np.ravel(a[:, ::2], order="F"))
    f = a.T
    v = f.reshape((2, 6), order="F")       # a Fortran-contiguous array: a view
    v[0, 0] = -1.0
    print(a[0, 0], v.flags.f_contiguous, f.reshape(12, order="A"), a.reshape(2, 6, order="A"))
    r = np.ravel(f, order="F")              # a view too
    r[1] = -2.0
    print(a[0, 1], r[:4])
    s = a[:, 1:3].reshape((3, 2), order="F")
    print(s, s.flags.c_contiguous)
    try:
        a.reshape((5, 2), order="F")
    except ValueError as e:
        print("ValueError", e)


main()
