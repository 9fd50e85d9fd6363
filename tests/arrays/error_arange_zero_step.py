# Covers: np.arange with a zero step (known at run time): ZeroDivisionError: division by zero
import numpy as np


def ramp(n, step):
    return np.arange(0, n, step)


print(ramp(5, 2), ramp(5, -1))
print(ramp(5, 0))
