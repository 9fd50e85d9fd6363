# Covers: complex64/complex128 arrays: creation, arithmetic with real arrays and scalars, abs, conjugate, reductions
import numpy as np


def make(n):
    z = np.zeros(n, dtype=np.complex128)
    for k in range(n):
        z[k] = complex(k, -k)
    return z


z = make(4)
print(z, z * 1j, z + np.arange(4), abs(z), np.conjugate(z), z.sum(), z.mean(), z.prod())
w = np.ones(3, dtype=np.complex64) * (1 + 2j)
print(w, w.dtype, (w * 2).dtype, np.abs(w))
c = np.arange(4) * (1 + 2j)
r = c.real
r[0] = 9.0
print(c.real, c.imag, c, np.arange(3.0).real, np.arange(3).imag, (c.imag * 2).sum(), c.real.dtype, w.imag)
