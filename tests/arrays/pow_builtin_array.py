# Covers: the builtin pow() with arrays (pow(a, b) is a ** b: NumPy's power, dtypes and broadcasting).
import numpy as np


def show(r):
    print(r.dtype, r)


def square(a, b):
    show(pow(a, 2))
    show(pow(2, a))
    show(pow(a, 0.5))
    show(pow(a, b))
    show(pow(b[:, None], a[:2]))
    show(pow(a.astype(np.float32), 2))


square(np.arange(4), np.array((2, 1, 0, 3)))
