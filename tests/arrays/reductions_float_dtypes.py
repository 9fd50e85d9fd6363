# Covers: reductions of float32/float64/complex arrays with exactly representable values (so sums match NumPy's pairwise order bit for bit), result dtypes, nan propagation
import numpy as np


def red(a):
    print(a.dtype, a.sum(), a.prod(), a.min(), a.max(), a.argmin(), a.argmax(), a.mean(), a.cumsum().dtype)


def cplx(z):
    print(z.dtype, z.sum(), z.prod(), z.mean(), z.any(), z.all(), z.cumsum().dtype)


def nans(a):
    print(a.sum(), a.min(), a.max(), a.argmin(), a.argmax(), a.mean(), a.any(), a.all())


red(np.arange(8) * 0.25)
red(np.arange(8, dtype=np.float32) * 0.5 - 1)
red(np.array((3.0, -1.0, 4.0, -1.0, 5.0, 9.0)))
red(np.array((2.0, 0.5, 4.0), dtype=np.float32))
cplx(np.array((1 + 2j, 3 - 1j, -0.5j)))
cplx(np.array((1 + 2j, 0j), dtype=np.complex64))
n = np.arange(5.0)
n[2] = np.nan
nans(n)
nans(n.astype(np.float32))
i = np.array((1.0, np.inf, -np.inf))
nans(i)
nans(np.zeros(3))
