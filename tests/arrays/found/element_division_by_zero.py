# DIFFERENCE (by design? undocumented for arrays): elements read from arrays are Python numbers in compiled code, so
# scalar division by zero raises as in Python: x / 0.0 with x = a[0] (float64) is "ZeroDivisionError: float
# division by zero" and y // 0 with y from an int64 array "ZeroDivisionError: integer division or modulo by zero".
# NumPy's float64/int64 scalars give inf / 0 with a RuntimeWarning, and the program goes on. Whole-array division
# (a / 0.0) does follow NumPy. Numba's default error model does the same as sharpjit, but kernels that normalise by
# a possibly-zero element behave differently from the CPython program; the README could say so.
import numpy as np


def ratio(a, b):
    x = a[0]
    y = b[0]
    return x / 0.0, y // 0


print(ratio(np.ones(2), np.ones(2, dtype=np.int64)))
