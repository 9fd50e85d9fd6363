# Covers: Horner polynomial evaluation on arrays (coefficients in an array, element-wise update in a loop), compared with explicit powers; ints and floats
import numpy as np


def horner(coef, x):
    y = np.zeros_like(x)
    for c in coef:
        y = y * x + c
    return y


def powers(coef, x):
    n = coef.shape[0]
    y = np.zeros_like(x)
    for i in range(n):
        y += coef[i] * x ** (n - 1 - i)
    return y


c = np.array((2.0, -3.0, 0.0, 1.0))
x = np.linspace(-2.0, 2.0, 9)
print(horner(c, x), (horner(c, x) == powers(c, x)).all())
ci = np.array((1, 0, -1))
xi = np.arange(-3, 4)
print(horner(ci, xi), powers(ci, xi), horner(ci, xi).dtype)
print(horner(np.array((0.5, 0.25)), np.arange(4, dtype=np.float32)))
