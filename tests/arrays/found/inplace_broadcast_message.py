# BUG: an in-place operator whose operand does not broadcast names two shapes; NumPy's ufunc names the output
# operand too: "ValueError: operands could not be broadcast together with shapes (3,) (4,) (3,) ".
# sharpjit: "ValueError: operands could not be broadcast together with shapes (3,) (4,) ".
import numpy as np


def acc(a, b):
    a += b
    return a


print(acc(np.zeros(3), np.ones(4)))
