# Covers: ** and np.power/float_power/square/reciprocal on ints (including 0**0, negative bases), floats, float32, complex, broadcasting
import numpy as np


def powers(a, b):
    print(a ** b, np.power(a, b), np.float_power(a, b))


powers(np.arange(-3, 4), 2)
powers(np.arange(-3, 4), np.arange(7))
powers(np.arange(5, dtype=np.int8), 3)
powers(np.arange(4, dtype=np.uint8), np.arange(4, dtype=np.uint8))
powers(np.array((0.0, -2.0, 4.0, np.inf, np.nan)), 0.5)
powers(np.array((2.0, -2.0, 0.0)), -1.0)
powers(np.arange(1, 4, dtype=np.float32), 2.5)
powers(np.array((1j, 1 + 1j, 2.0 + 0j)), 2)
powers(2, np.arange(-2, 3) * 1.0)
powers(np.arange(3).reshape(3, 1), np.arange(3))
x = np.arange(-3, 4)
print(np.square(x), np.square(x.astype(np.float32) / 2), np.reciprocal(np.array((2.0, -4.0, 0.0))), np.reciprocal(np.array((1, 2, -1))))
print(x ** 0, x.astype(np.float64) ** -1, 0.5 ** x)
