# BUG: complex64 * and / are computed in double precision and rounded once; NumPy computes them in single precision
# (each product rounded to float32), so results differ in the last digit, and overflow differs:
#   (1.1+2.3j) * (0.3-1.9j)   NumPy: 4.7e+00-1.3999999e+00j   sharpjit: 4.7e+00-1.4000000e+00j
#   (0.1+0.7j) / (0.7+0.1j)   NumPy: 2.8e-01+9.5999992e-01j   sharpjit: 2.8e-01+9.5999998e-01j
#   (1e20+1e20j) ** 2         NumPy: nan+infj (inf - inf)     sharpjit: 0.+infj
# (The README's "exact for + - * /" holds for real float32, not for complex64, whose * and / are compound.)
import numpy as np


def ops(a, b):
    return a * b, a / b, a * a


a = np.array((1.1 + 2.3j, 0.1 + 0.7j, 1e20 + 1e20j), dtype=np.complex64)
b = np.array((0.3 - 1.9j, 0.7 + 0.1j, 1.0 + 0j), dtype=np.complex64)
p, q, s = ops(a, b)
print(p)
print(q)
print(s)
