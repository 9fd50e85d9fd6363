# Covers: np.linalg.matrix_power (0 to 6, 40, negative powers of float and complex matrices, int matrices) and np.linalg.slogdet (float, complex, int, singular, float32), imported by name
import numpy as np
from numpy.linalg import matrix_power, slogdet


def powers(fib, m, c):
    for n in range(7):
        print(n, matrix_power(fib, n)[0], matrix_power(m, n)[1], matrix_power(c, n)[0, 0])
    print(matrix_power(fib, 40), matrix_power(m, -3), matrix_power(m, -1), matrix_power(c, -2))
    print(slogdet(m), slogdet(np.array(((1.0, 2.0), (3.0, 4.0)))), slogdet(np.ones((2, 2))), slogdet(c), slogdet(fib))
    s, l = slogdet(m.astype(np.float32))
    print(s, l, np.linalg.det(m) == s * np.exp(l))


powers(np.array(((1, 1), (1, 0))), np.array(((2.0, 1.0, 0.5), (1.0, 3.0, -1.0), (0.0, 1.0, 4.0))), np.array(((1j, 2.0), (3.0, 1 - 1j))))
