# Covers: Gaussian elimination with partial pivoting (row swaps through copies, argmax of a column slice, row updates), back substitution, residual
import numpy as np


def solve(a, b):
    n = a.shape[0]
    m = a.copy()
    y = b.copy()
    for k in range(n):
        p = k + np.abs(m[k:, k]).argmax()
        if p != k:
            tmp = m[k].copy()
            m[k] = m[p]
            m[p] = tmp
            t = y[k]
            y[k] = y[p]
            y[p] = t
        for i in range(k + 1, n):
            f = m[i, k] / m[k, k]
            m[i, k:] -= f * m[k, k:]
            y[i] -= f * y[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (y[i] - (m[i, i + 1:] * x[i + 1:]).sum()) / m[i, i]
    return x


a = np.array(((2.0, 1.0, -1.0), (-3.0, -1.0, 2.0), (-2.0, 1.0, 2.0)))
b = np.array((8.0, -11.0, -3.0))
x = solve(a, b)
print(np.abs(x - np.array((2.0, 3.0, -1.0))).max() < 1e-12, np.abs(a @ x - b).max() < 1e-12)
print(solve(np.array(((0.0, 1.0), (1.0, 0.0))), np.array((3.0, 4.0))), solve(np.eye(3) * 2, np.arange(3.0)))
