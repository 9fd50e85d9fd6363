# NumPy's complex64 scalars divide as NumPy does (Smith's method with a reciprocal scale, each step in float32) and
# take powers as np.power does (integer exponents by repeated products, then NumPy's quotient, in complex128): both
# differ from CPython's complex arithmetic in the last bit.
import numpy as np


def quotient_and_powers(a, b):
    x = np.complex64(a)
    y = np.complex64(b)
    return x / y, x ** -1, y ** -2, x ** 3, x ** 0.5


for a, b in ((1.1 + 2.3j, 3.3 - 1.7j), (1e-20 + 3j, 7.7e19 - 1j), (0.3 + 0.1j, 0.7 + 0.9j), (-2.5 + 0j, 0.1 + 4.1j),
             (1e30 + 1e30j, 3e-30 + 1e-31j), (123.456 - 7.89j, -0.001 + 0.002j)):
    print(*quotient_and_powers(a, b))

