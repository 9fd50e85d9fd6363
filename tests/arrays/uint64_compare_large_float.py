# Covers: uint64 arrays compared with floats at and above 2**63 (NumPy compares in float64): literals, a float
# computed at run time, and elements near 2**64.
import numpy as np


def f(u, big):
    x = 2.0**63
    print(u < 1e19, u < 9223372036854775808.0, u <= x, u > -1.5, u >= big, u == 1e19)
    v = u - np.uint64(1)
    print(v, v > 1e19, v < 2.0**64, v == 2.0**64, v >= x)
    print(u[1] < x, v[0] > x, v[0] == 2.0**64)


f(np.arange(3, dtype=np.uint64), 1.8446744073709552e19)
