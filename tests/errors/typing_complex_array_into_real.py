# expect: TypingError 8:5: storing complex numbers in an array of float64 would discard their imaginary parts
import numpy as np


def keep_selected(a, z, m):
    # NumPy stores the real parts with a ComplexWarning; compiled code has no warnings, so it asks for .real (this was
    # an internal compiler error, on the masked assignment's fused path and on the plain one)
    a[m] = z[m]


keep_selected(np.zeros(3), np.array([1 + 2j, 3 + 4j, 5 + 6j]), np.array([True, False, True]))
