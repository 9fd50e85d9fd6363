# jacobi: Jacobi iteration for the 2-D Laplace equation (fixed boundary), whole-array, with the largest change.
# Measures: a stencil into a new array, np.abs(...).max() reduction every iteration, slice assignment.
# Needs: 2-D float64 arrays, basic slices, np.abs, ndarray.max(), returning a tuple (array, float).
import numpy as np


def kernel(u, iterations):
    delta = 0.0
    for _ in range(iterations):
        new = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
        delta = np.abs(new - u[1:-1, 1:-1]).max()
        u[1:-1, 1:-1] = new
    return u, delta


def setup():
    n = 256
    u = np.zeros((n, n))
    u[0, :] = 1.0
    u[:, 0] = np.linspace(0.0, 1.0, n)
    return u, 10

# --- sanity ---
u, delta = kernel(*setup())
print(f"{u.sum():.9e} {delta:.9e}")
