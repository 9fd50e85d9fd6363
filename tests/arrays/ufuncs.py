# Covers: NumPy ufuncs applied element-wise to arrays (unary, binary, with scalars), broadcasting, predicates
import numpy as np


def unary(x):
    print(np.sqrt(x), np.exp(x), np.log1p(x), np.sin(x), np.floor(x * 1.5), np.ceil(x * 1.5), np.abs(x - 2))
    print(np.square(x), np.negative(x), np.sign(x - 2), np.isnan(x), np.isfinite(x / 0.5), np.rint(x * 1.25))


def binary(x, y):
    print(np.maximum(x, y), np.minimum(x, 2.0), np.arctan2(x, y), np.hypot(x, y), np.power(x, 2), np.add(x, y))
    print(np.multiply(x, 3), np.subtract(y, x), np.true_divide(x, 4), np.floor_divide(x, 2), np.remainder(x, 3))


unary(np.linspace(0.0, 4.0, 5))
binary(np.arange(4.0), np.arange(4.0)[::-1])
print(np.sqrt(np.arange(9).reshape(3, 3)))
