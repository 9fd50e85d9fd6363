# A float sum or mean of a tree of element-wise operations, of all its elements or along the last axis, becomes one
# arrayreduce: no array for the tree (np.sum of a tree, the method on a single operation, .sum(-1), np.mean); a sum
# along another axis keeps the tree's array.
import numpy as np


def squared_error(a, b):
    return np.sum((a - b) ** 2) + (a * b).sum() + np.mean(a - b)


def row_norms(X):
    return np.sqrt((X * X).sum(-1)), (X + 1.0).sum(axis=0)


x = np.linspace(0.0, 1.0, 4)
print(squared_error(x, x), row_norms(x.reshape(2, 2)))
