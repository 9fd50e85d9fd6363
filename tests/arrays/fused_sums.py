# Covers: sums, means and other reductions of element-wise expressions without their arrays (np.sum(tree), tree.sum(), tree.sum(-1), np.mean, tree.mean(axis=1), max/argmax/counts/any/all, axis=None, axis as a keyword), float64 and float32, lines shorter than 8 and longer than NumPy's 8192-item blocks, empty arrays, broadcast and strided leaves, a broadcasting error, exact equality with NumPy's pairwise sums
import numpy as np


def squared_error(a, b):
    return np.sum((a - b) ** 2)


def dot_by_sum(a, b):
    return (a * b).sum()


def mean_squared_error(a, b):
    return np.mean((a - b) ** 2), ((a - b) * 0.5).mean()


def row_means(a, b):
    return (a * b).mean(axis=1), np.mean(a - b, axis=-1)


def extremes(a, b):
    return np.abs(a - b).max(), (a > b).sum(), np.argmax(a * b), np.any(a + b > 1.0), (a - b).min(axis=-1), (a < b).all(axis=-1)


def row_norms(X):
    return np.sqrt((X * X).sum(-1))


def pairwise(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))


def row_sums(a, b):
    return (a * b + 1.0).sum(axis=1), np.sum(a - b, axis=-1), (a * 0.5).sum(axis=None)


def data(n, seed):
    # Values with no rounding left to the library (NumPy's and compiled code's sin could differ in the last bit).
    return (np.arange(n) * (7919 + seed) % 1000) / 997.0 - 0.5


def grid(rows, cols, seed):
    return data(rows * cols, seed).reshape(rows, cols)


def main():
    for n in (0, 1, 5, 8, 100, 8192, 8193, 30000):
        a, b = data(n, 1), data(n, 2) * 3.0
        print(n, repr(squared_error(a, b)), repr(dot_by_sum(a, b)))
        a32, b32 = a.astype(np.float32), b.astype(np.float32)
        s = squared_error(a32, b32)
        print(type(s).__name__, repr(s), repr(dot_by_sum(a32, b32)))
        if n > 0:
            m1, m2 = mean_squared_error(a, b)
            m3, m4 = mean_squared_error(a32, b32)
            print(repr(m1), repr(m2), type(m3).__name__, repr(m3), repr(m4))
    m1, c1, i1, any1, mins, alls = extremes(grid(4, 5, 10), grid(4, 5, 11))
    print(repr(m1), c1, i1, any1, mins, alls)
    try:
        extremes(np.ones((2, 0)), np.ones((2, 0)))
    except ValueError as e:
        print("ValueError:", e)
    X = grid(6, 3, 3)
    print(row_norms(X))
    print(pairwise(X))
    print(repr(pairwise(grid(40, 5, 4)).sum()))
    for shape in ((3, 4), (2, 9000), (0, 4), (3, 0)):
        a, b = grid(shape[0], shape[1], 5), grid(shape[0], shape[1], 6)
        rows, diffs, total = row_sums(a, b)
        print(rows.dtype, rows.shape, repr(rows.sum()), diffs.dtype, diffs.shape, repr(diffs.sum()), repr(total))
        if shape[1] > 0:
            means, mean_diffs = row_means(a, b)
            means32, _ = row_means(a.astype(np.float32), b.astype(np.float32))
            print(means.dtype, means.shape, repr(means.sum()), repr(mean_diffs.sum()), means32.dtype, repr(means32.sum()))
    m = grid(20, 30, 8)
    v = data(30, 9)
    print(repr(dot_by_sum(m, v)), repr(squared_error(m[::2, ::3], m[1::2, ::3])))
    print(row_sums(m, v)[0][:4])
    print(row_sums(m[:, ::2], m[:, 1::2])[1][:4])
    print(row_sums(m.T, m.T)[0][:3])
    try:
        squared_error(np.ones(3), np.ones(4))
    except ValueError as e:
        print("ValueError:", e)


main()
