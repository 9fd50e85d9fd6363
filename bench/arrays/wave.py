# wave: damped 2-D wave equation, whole-array time steps: next = (2 - d) * c - (1 - d) * p + a * dt**2.
# Measures: a Laplacian on slices into a zeroed array plus a five-operator update with two array temporaries.
# Needs: np.zeros_like, basic slices, slice assignment, array and scalar arithmetic, tuple swap of arrays.
import numpy as np


def kernel(c, p, speed2, d, dt, steps):
    for _ in range(steps):
        a = np.zeros_like(c)
        a[1:-1, 1:-1] = speed2 * (c[:-2, 1:-1] + c[2:, 1:-1] + c[1:-1, :-2] + c[1:-1, 2:] - 4.0 * c[1:-1, 1:-1])
        c, p = (2 - d) * c - (1 - d) * p + a * dt**2, c
    return c


def setup():
    n = 256
    x = np.linspace(-1.0, 1.0, n)
    bump = np.exp(-40.0 * (x[:, None] ** 2 + x[None, :] ** 2))
    return bump, bump.copy(), 1.0, 0.001, 0.2, 10

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
