# Covers: complex64 * and / computed in single precision as NumPy's loops do (each product and quotient rounded to
# float32, so last digits and overflow are NumPy's: (1e20+1e20j)**2 is nan+infj), arrays and scalars.
import numpy as np


def ops(a, b):
    return a * b, a / b, a * a, a / 3, a * (1 + 2j)


a = np.array((1.1 + 2.3j, 0.1 + 0.7j, 1e20 + 1e20j, 3 - 1j), dtype=np.complex64)
b = np.array((0.3 - 1.9j, 0.7 + 0.1j, 1.0 + 0j, 0j), dtype=np.complex64)
for r in ops(a, b):
    print(r)
print(ops(np.complex64(1.1 + 2.3j), np.complex64(0.3 - 1.9j)))
print(ops(a, b.astype(np.complex128))[0])
