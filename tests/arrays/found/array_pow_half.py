# BUG: `array ** 0.5` is computed as pow(x, 0.5); NumPy's ndarray.__pow__ has a fast path that calls np.sqrt for a
# Python-scalar exponent of 0.5, and the two differ:
#   float64 [-0.0, -inf] ** 0.5   NumPy: [-0. nan]         sharpjit: [ 0. inf]
#   complex (-1+0j) ** 0.5        NumPy: 0.+1.j (csqrt)    sharpjit: 6.123234e-17+1.j (cpow)
# np.power(x, 0.5) itself is pow in both, and matches.
import numpy as np


def half(x, z):
    return x ** 0.5, z ** 0.5


print(half(np.array((-0.0, -np.inf, 4.0)), np.array((-1 + 0j, -4 + 0j))))
