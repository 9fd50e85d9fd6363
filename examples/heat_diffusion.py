# Heat spreading over a plate: a 2-d stencil written with NumPy arrays (slices, fused whole-array arithmetic,
# reductions), printed as NumPy prints it. Runs the same under CPython and `./sharpjit run`, with no CPython.
import numpy as np


def step(u, k):
    # One explicit time step: every interior point moves towards the mean of its four neighbours.
    v = u.copy()
    v[1:-1, 1:-1] += k * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1])
    return v


def simulate(n, steps, k):
    u = np.zeros((n, n))
    u[n // 2 - 1:n // 2 + 1, n // 2 - 1:n // 2 + 1] = 100.0   # a hot square in the middle
    for _ in range(steps):
        u = step(u, k)
    return u


u = simulate(12, 40, 0.2)
print("total heat:", round(float(u.sum()), 6))
print("hottest point:", round(float(u.max()), 6), "at", np.argmax(u))
print("rows above 1 degree:", (u.max(axis=1) > 1.0).sum())
print(u[4:8, 4:8])
