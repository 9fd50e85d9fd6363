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


@sharpjit.jit
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


@sharpjit.jit
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
