# wave_loops: damped 2-D wave equation, one i, j loop per time step writing the next field.
# Measures: a stencil loop reading two fields and writing a third, three arrays rotated each step.
# Needs: 2-D float64 arrays, .shape unpacking, np.zeros_like, a[i, j] reads and writes, tuple swap of arrays.
import numpy as np


def kernel(c, p, speed2, d, dt, steps):
    n, m = c.shape
    nxt = np.zeros_like(c)
    for _ in range(steps):
        for i in range(n):
            for j in range(m):
                a = 0.0
                if 0 < i < n - 1 and 0 < j < m - 1:
                    a = speed2 * (c[i - 1, j] + c[i + 1, j] + c[i, j - 1] + c[i, j + 1] - 4.0 * c[i, j])
                nxt[i, j] = (2 - d) * c[i, j] - (1 - d) * p[i, j] + a * dt**2
        c, p, nxt = nxt, c, p
    return c


def setup():
    n = 100
    x = np.linspace(-1.0, 1.0, n)
    bump = np.exp(-40.0 * (x[:, None] ** 2 + x[None, :] ** 2))
    return bump, bump.copy(), 1.0, 0.001, 0.2, 4

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
