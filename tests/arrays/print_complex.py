# Covers: printing complex128/complex64 arrays: real/imag alignment, negative zero imaginary, nan and inf parts, scientific form, 2-d
import numpy as np


def show(a):
    print(a)
    print(repr(a))


show(np.array((1 + 2j, 3 - 4j, -5j)))
show(np.array((0.5 + 0j, 1.25 - 0.125j)))
show(np.array((1 + 2j, 3 - 4j), dtype=np.complex64))
show(np.array((1e10 + 1j, 1 + 1e-10j)))
show(np.array((complex(np.nan, 1.0), complex(1.0, np.inf), complex(-np.inf, -np.nan))))
show(np.array((1.0 / 3 + 2j / 3, 1j)))
show(np.array((1.0 / 3 + 2j / 3, 1j), dtype=np.complex64))
show(np.arange(6).reshape(2, 3) * (1 + 1j))
show(np.zeros(3, dtype=np.complex128))
show(np.array((-0.0 - 0j, 0j)))
