# Covers: np.arange's values as NumPy makes them: start and start + step cast to the dtype, the rest filled in the
# dtype as first + i * (second - first) (float32 rounding, a float step into an integer dtype, narrow integers
# wrapping, complex dtypes, float64 steps that are not exact), and bool results of at most two items.
import numpy as np


def ramps():
    print(repr(np.arange(0.0, 1.0, 0.1, dtype=np.float32)))
    print(repr(np.arange(0, 5, 0.5, dtype=np.int64)))
    print(repr(np.arange(-3, 3, 0.7, dtype=np.int32)))
    print(repr(np.arange(1.5, 4, dtype=np.float32)))
    print(repr(np.arange(0, 300, 7, dtype=np.int8)))
    print(repr(np.arange(250, 260, dtype=np.uint8)))
    print(repr(np.arange(3, dtype=np.complex128)), repr(np.arange(0.5, 2, 0.25, dtype=np.complex64)))
    print(np.arange(1e16, 1e16 + 20, 1.5) - 1e16)
    print(repr(np.arange(0.1, 1.0, 0.1)))
    print(repr(np.arange(2, dtype=np.bool_)), repr(np.arange(1, 3, dtype=np.bool_)), repr(np.arange(0, dtype=np.bool_)))


def bool_range(n):
    try:
        print(np.arange(n, dtype=np.bool_))
    except TypeError as ex:
        print("TypeError", ex)


ramps()
bool_range(3)
