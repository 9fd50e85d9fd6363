# Covers: the dot product of two vectors (np.dot, @, of rows, columns and reversed views; float64, float32, complex128)
# with NumPy's bits: vectors BLAS takes go through the ?dot NumPy calls (cblas_ddot, sdot, zdotu_sub: its own order of
# additions), others (a negative stride) are summed in order as NumPy's own loop sums them; np.vdot and np.inner too.
import numpy as np


def main():
    a = np.arange(12.0).reshape(3, 4)
    b = np.linspace(-1, 1, 12).reshape(3, 4)
    print(repr(np.dot(a[0], b[0])), repr(a[1] @ b[1]), repr(np.dot(a[:, 1], b[:, 2])), repr(np.dot(a[0, ::-1], b[0])))
    print(repr(np.dot(a.astype(np.float32)[0], b.astype(np.float32)[0])), repr(np.dot(a[0] + 1j, b[0] - 2j)))
    x = np.sin(np.arange(1000) * 0.3)
    y = np.cos(np.arange(1000) * 0.7)
    print(repr(np.dot(x, y)), repr(x @ y), repr(np.dot(x[::3], y[::-3])), repr(np.vdot(x, y)), repr(np.inner(x, y)))
    print(repr(np.dot(x.astype(np.float32), y.astype(np.float32))), repr(np.dot(x[:0], y[:0])), np.dot(np.arange(5), np.arange(5)))


main()
