# Covers: methods of binary ufuncs: np.maximum.accumulate, np.add.accumulate, np.add.reduce, np.multiply.reduce,
# np.maximum.reduce, np.add.outer, np.multiply.outer, np.subtract.outer, with NumPy's dtypes
import numpy as np


def running(x):
    print(np.maximum.accumulate(x), np.minimum.accumulate(x), np.add.accumulate(x), np.multiply.accumulate(x[:4]))


def folds(x):
    print(np.add.reduce(x), np.multiply.reduce(x[:4]), np.maximum.reduce(x), np.add.reduce(x[:0]), np.subtract.reduce(x))


def tables(a, b):
    print(np.add.outer(a, b), np.multiply.outer(a, b), np.subtract.outer(b, a), np.maximum.outer(a, b * 0.5))


running(np.array((3, 1, 4, 1, 5, 9, 2, 6)))
running(np.array((0.5, -1.0, 2.5, 2.0, 3.0)))
folds(np.arange(1, 7))
folds(np.linspace(0.5, 3.0, 6))
tables(np.arange(3), np.arange(4))
