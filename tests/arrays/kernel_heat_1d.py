# Covers: explicit 1-d heat equation with slices (u[1:-1] += k * (u[:-2] - 2u[1:-1] + u[2:])), fixed boundaries; values are dyadic, so exact
import numpy as np


def step(u, k):
    u[1:-1] += k * (u[:-2] - 2 * u[1:-1] + u[2:])
    return u


def run(n, steps):
    u = np.zeros(n)
    u[n // 2] = 64.0
    for _ in range(steps):
        step(u, 0.25)
    return u


print(run(9, 1))
print(run(9, 4))
print(run(9, 8))
print(run(5, 3).sum(), run(11, 10).max())
