# diffusion: explicit 2-D heat equation, whole-array 5-point Laplacian on slices, `steps` steps in place.
# Measures: a slice-expression stencil (u[1:-1, 1:-1] + ...) and the temporaries NumPy allocates for it.
# Needs: 2-D float64 arrays, basic slices, slice assignment, scalar * array.
import numpy as np


def kernel(u, alpha, steps):
    for _ in range(steps):
        u[1:-1, 1:-1] = u[1:-1, 1:-1] + alpha * (
            u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1])
    return u


def setup():
    rng = np.random.default_rng(0)
    return rng.random((256, 256)), 0.2, 10

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
