# BUG: np.where / np.clip broadcast errors name only two shapes. NumPy lists every operand, a scalar as ():
#   np.where(a > 0, b, 0.0) -> "operands could not be broadcast together with shapes (3,) (4,) () "
#   np.clip(a, lo, 1)       -> "operands could not be broadcast together with shapes (3,) (4,) () "
# sharpjit: "operands could not be broadcast together with shapes (3,) (4,) ".
import numpy as np


def pick(a, b):
    return np.where(a > 0, b, 0.0)


print(pick(np.ones(3), np.ones(4)))
