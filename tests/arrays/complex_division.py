# Covers: complex128 array division by zero (inf/nan parts as NumPy), reciprocal, ** -1 and ** 2 and ** 3, sqrt of negative reals as complex, mixed with real zeros
import numpy as np


def divs(z):
    print(z / 0, z / np.zeros(z.shape[0], dtype=np.complex128), 1 / z, z ** -1)


def powers(z):
    print(z ** 2, z ** 3, z * z, np.sqrt(z), np.square(z))


divs(np.array((1 + 1j, 0j, -1 + 0j, 2j)))
divs(np.array((0.5 - 0.5j, 3.0 + 4j)))
powers(np.array((1 + 1j, -1 + 0j, -4 + 0j, 2j, 3 - 4j)))
print(np.sqrt(np.array((-1.0, 4.0)) + 0j), np.array((1 + 2j, 3 + 4j)) / np.array((1j, 2.0)))
