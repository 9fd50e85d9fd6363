"""Module-level @jit functions for test_pickle.py: importable by name, so pickles refer to them by reference."""
import math

import sharpjit


@sharpjit.jit
def square(x):
    return x * x


@sharpjit.jit(nogil=True)
def hypot(pair):
    return math.sqrt(pair[0] * pair[0] + pair[1] * pair[1])


@sharpjit.jit("float64(float64)")
def halve(x):
    return x / 2


@sharpjit.jit
def reciprocal(x):
    return 1 / x
