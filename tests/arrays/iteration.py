# Covers: for x in a (1-d elements, 2-d rows as views), len, enumerate-style loops with range, nested loops as C
import numpy as np


def rows(m):
    total = 0
    for row in m:
        total += row.sum()
        print(row, len(row))
    return total


def stencil(u):
    n = u.shape[0]
    v = np.zeros_like(u)
    for i in range(1, n - 1):
        for j in range(1, u.shape[1] - 1):
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
    return v


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


print(rows(np.arange(6).reshape(3, 2)))
u = np.zeros((5, 5))
u[2, 2] = 4.0
print(stencil(u))
print(dot(np.arange(5.0), np.ones(5)))
for x in np.linspace(0.0, 1.0, 3):
    print(x)
