# BUG: np.histogram of a float32 array returns float64 bin edges; NumPy's edges are float32
# (np.result_type(first_edge, last_edge, a)). Prints [0.         0.1 ... 0.40000001] instead of [0.  0.1 0.2 0.3 0.4].
import numpy as np


def f(a):
    h, e = np.histogram(a, bins=4)
    return e


print(f(np.arange(5, dtype=np.float32) / 10))
