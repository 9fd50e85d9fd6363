# grayscott_loops: Gray-Scott reaction-diffusion written as explicit i, j loops into new arrays, `steps` steps.
# Measures: scalar element loads/stores in a doubly nested loop (the compiled-loop form of grayscott.py).
# Needs: 2-D float64 arrays, .shape unpacking, .copy(), a[i, j] reads and writes, swapping array variables.
import numpy as np


def kernel(u, v, du, dv, feed, kill, steps):
    n, m = u.shape
    u_next = u.copy()
    v_next = v.copy()
    for _ in range(steps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                uc = u[i, j]
                vc = v[i, j]
                lap_u = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * uc
                lap_v = v[i - 1, j] + v[i + 1, j] + v[i, j - 1] + v[i, j + 1] - 4.0 * vc
                uvv = uc * vc * vc
                u_next[i, j] = uc + du * lap_u - uvv + feed * (1.0 - uc)
                v_next[i, j] = vc + dv * lap_v + uvv - (feed + kill) * vc
        u, u_next = u_next, u
        v, v_next = v_next, v
    return v


def setup():
    rng = np.random.default_rng(0)
    n = 64
    u = np.ones((n, n))
    v = np.zeros((n, n))
    u[n // 2 - 4:n // 2 + 4, n // 2 - 4:n // 2 + 4] = 0.5
    v[n // 2 - 4:n // 2 + 4, n // 2 - 4:n // 2 + 4] = 0.25
    u += 0.05 * rng.random((n, n))
    v += 0.05 * rng.random((n, n))
    return u, v, 0.16, 0.08, 0.035, 0.065, 4

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
