# diffusion_loops: explicit 2-D heat equation as i, j loops writing a second array, swapped each step.
# Measures: a doubly nested stencil loop with scalar element access (the compiled-loop form of diffusion.py).
# Needs: 2-D float64 arrays, .shape unpacking, .copy(), a[i, j] reads and writes, swapping array variables.
import numpy as np


def kernel(u, alpha, steps):
    n, m = u.shape
    new = u.copy()
    for _ in range(steps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                new[i, j] = u[i, j] + alpha * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j])
        u, new = new, u
    return u


def setup():
    rng = np.random.default_rng(0)
    return rng.random((100, 100)), 0.2, 4

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
