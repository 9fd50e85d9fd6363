# Covers: less common ufuncs on arrays: gcd/lcm, heaviside, copysign, nextafter, spacing, logaddexp/logaddexp2, negative/positive, square, reciprocal, conjugate
import numpy as np


def ints(a, b):
    print(np.gcd(a, b), np.lcm(a, b), np.negative(a), np.positive(a), np.square(a))


def floats(x, y):
    print(np.heaviside(x, 0.5), np.copysign(y, x), np.nextafter(x, y) - x, np.spacing(np.abs(y)))
    print(np.logaddexp(x, y), np.logaddexp2(x, y))


ints(np.array((12, 18, -8, 0, 7)), np.array((8, 27, 12, 5, 0)))
ints(np.arange(1, 6, dtype=np.int16), 6)
floats(np.array((-1.0, 0.0, 2.0, -0.0)), np.array((1.0, -2.0, 3.0, 4.0)))
print(np.conjugate(np.array((1 + 2j, -3j))), np.conj(np.array((1.5, 2.0))), np.reciprocal(np.array((4.0, -0.5, 0.25))))
print(np.negative(np.arange(3, dtype=np.uint8)), np.square(np.arange(4, dtype=np.int8) * 10), np.gcd(np.arange(0, 50, 7), 14))
