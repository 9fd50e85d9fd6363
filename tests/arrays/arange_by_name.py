# Covers: np.arange's parameters by name, bound as NumPy binds them: start=, stop=, step= (a stop alone counts from 0,
# a start given by position alone is the stop), with dtype= and float bounds.
import numpy as np


def ranges(n, x):
    print(np.arange(start=1, stop=n), np.arange(1, stop=n, step=2), np.arange(stop=n))
    print(np.arange(n, step=3), np.arange(stop=n, step=2), np.arange(2, n, step=-1), np.arange(start=n, stop=0, step=-2))
    print(np.arange(start=2, stop=n, dtype=np.float64), np.arange(stop=x), np.arange(start=0.5, stop=x, step=0.75))
    print(np.arange(stop=n, dtype=np.float32).dtype, np.arange(1, stop=x).dtype, np.arange(stop=4, step=1.5))


ranges(9, 3.5)
ranges(2, 0.25)
