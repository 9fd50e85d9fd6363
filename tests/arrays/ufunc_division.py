# Covers: floor_divide/remainder/mod/fmod/true_divide and // % / on ints (zero divisors give 0, like NumPy) and floats with negatives, zero, inf, nan
import numpy as np


def divs(a, b):
    print(a // b, a % b, np.fmod(a, b), np.floor_divide(a, b), np.remainder(a, b), np.mod(a, b))


def true_div(a, b):
    print(a / b, np.true_divide(a, b), np.divide(a, b))


i = np.array((7, -7, 7, -7, 0, 5))
j = np.array((2, 2, -2, -2, 3, 0))
divs(i, j)
divs(i.astype(np.int8), j.astype(np.int8))
divs(np.arange(10, dtype=np.uint8), 3)
divs(np.arange(5, dtype=np.uint16), np.arange(5, dtype=np.uint16))
f = np.array((7.5, -7.5, 7.5, -7.5, 0.0, 1.0, np.inf, 1.0))
g = np.array((2.0, 2.0, -2.0, -2.0, 3.0, 0.0, 2.0, np.inf))
divs(f, g)
divs(f.astype(np.float32), g.astype(np.float32))
true_div(i, j)
true_div(f, g)
true_div(np.arange(4, dtype=np.int16), np.int16(3))
