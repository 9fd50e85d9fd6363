# Covers: np.arange edge cases: negative steps, empty ranges, float steps (length by ceil), large ints, dtype=
import numpy as np


def ints(start, stop, step):
    a = np.arange(start, stop, step)
    print(a.shape, a.dtype, a)


def floats(start, stop, step):
    a = np.arange(start, stop, step)
    print(a.shape, a.dtype, a)


ints(0, 10, 3)
ints(10, 0, -3)
ints(10, 0, 3)
ints(0, 10, -1)
ints(-5, 5, 1)
ints(5, -5, -2)
ints(3, 3, 1)
ints(0, 1, 100)
ints(2**40, 2**40 + 5, 2)
floats(0.0, 1.0, 0.1)
floats(1.0, 0.0, -0.25)
floats(0.1, 0.5, 0.1)
floats(0.0, 0.0, 0.5)
floats(-1.5, 1.5, 0.5)
floats(0.0, 2.0, 0.3)
print(np.arange(4.5), np.arange(-3), np.arange(0), np.arange(7, dtype=np.int8), np.arange(3, dtype=np.complex128))
print(np.arange(1, 2.5, 0.5), np.arange(5, 1, -1.5), np.arange(0, 5, dtype=np.float32) / 2)
