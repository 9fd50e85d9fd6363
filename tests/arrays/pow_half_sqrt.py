# Covers: `array ** 0.5` of a float or complex array is np.sqrt (NumPy's ndarray.__pow__ fast path for a number
# exponent of 0.5, known at compile time or only at run time; -0.0, -inf and complex negatives differ from pow), in
# place too; np.power(a, 0.5), integer arrays and array exponents stay pow.
import numpy as np


def half(x, z):
    return x ** 0.5, z ** 0.5


def power(x, p):
    return x ** p


def fused(x):
    return x ** 0.5 + 1


def inplace(x):
    x **= 0.5
    return x


x = np.array((-0.0, -np.inf, 4.0, 2.0))
z = np.array((-1 + 0j, -4 + 0j, 3 - 4j))
print(half(x, z))
print(power(x, 0.5), power(z, 0.5), power(x, 2.0), power(x, 3))
print(power(x.astype(np.float32), 0.5), power(z.astype(np.complex64), 0.5))
print(power(np.arange(4), 0.5), power(x, np.full(4, 0.5)), np.power(x, 0.5))
print(fused(x), inplace(x.copy()))
