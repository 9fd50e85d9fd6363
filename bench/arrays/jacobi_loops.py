# jacobi_loops: Jacobi iteration for the 2-D Laplace equation as i, j loops into a second array, tracking the
# largest change by hand.
# Measures: a stencil loop with a running max and abs() per element (the compiled-loop form of jacobi.py).
# Needs: 2-D float64 arrays, .shape unpacking, .copy(), a[i, j] reads and writes, abs() on floats.
import numpy as np


def kernel(u, iterations):
    n, m = u.shape
    new = u.copy()
    delta = 0.0
    for _ in range(iterations):
        delta = 0.0
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                value = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
                change = abs(value - u[i, j])
                if change > delta:
                    delta = change
                new[i, j] = value
        u, new = new, u
    return u, delta


def setup():
    n = 100
    u = np.zeros((n, n))
    u[0, :] = 1.0
    u[:, 0] = np.linspace(0.0, 1.0, n)
    return u, 4

# --- sanity ---
u, delta = kernel(*setup())
print(f"{u.sum():.9e} {delta:.9e}")
