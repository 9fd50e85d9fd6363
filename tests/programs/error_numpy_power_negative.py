# Covers: np.power of ints with a negative exponent raises ValueError (NumPy's message); float exponents do not.
import numpy as np


def powers(base, top):
    k = top
    while k >= -1:
        print(base, k, np.power(base, float(k)), np.power(base, k))
        k -= 1


powers(3, 2)
