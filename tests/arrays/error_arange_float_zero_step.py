# BUG: np.arange with a float step of 0.0 raises "ZeroDivisionError: division by zero"; NumPy divides the length
# as Python floats and raises "ZeroDivisionError: float division by zero". (An int step of 0 gives NumPy's
# "division by zero" and matches.)
import numpy as np


def ramp(step):
    return np.arange(0.0, 1.0, step)


print(ramp(0.25))
print(ramp(0.0))
