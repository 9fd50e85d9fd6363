# Covers: np.power / ** of complex64 arrays computed in single precision as NumPy's loop does: small integer
# exponents by repeated multiplication (an intermediate power can overflow float32: inf/nan where double would be
# finite), negative ones through NumPy's complex division, others through cpowf; complex128 unchanged
import numpy as np


def powers():
    a = np.array([8.25 + 9.75j, 0.5 - 0.25j, -1.5 + 2j, 1e-3 + 0j, 0j, 3 + 0j], dtype=np.complex64)
    for n in (-35, -3, -1, 0, 1, 2, 3, 7, 35, 99, 100):
        r = a ** n
        print(n, r.dtype, r)
    print(np.power(a, 2.5), np.power(a, 0.5j), np.power(a, np.complex64(-2)))
    b = np.array([2 - 1j, 1j, -1 + 0j], dtype=np.complex64)
    print(np.power(a[:3], b), (a[:3] ** b).dtype)
    big = np.array([1e10 + 1e10j], dtype=np.complex64)
    print(big ** 4, big.astype(np.complex128) ** 4)


powers()
