# grayscott: Gray-Scott reaction-diffusion, whole-array update of two 2-D fields on slices, `steps` steps in place.
# Measures: many elementwise operators on overlapping 2-D slice views (NumPy makes a temporary per operator).
# Needs: 2-D float64 arrays, basic slices (u[1:-1, 1:-1], u[:-2, 1:-1]), slice assignment, scalar * array.
import numpy as np


def kernel(u, v, du, dv, feed, kill, steps):
    for _ in range(steps):
        uc = u[1:-1, 1:-1]
        vc = v[1:-1, 1:-1]
        lap_u = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * uc
        lap_v = v[:-2, 1:-1] + v[2:, 1:-1] + v[1:-1, :-2] + v[1:-1, 2:] - 4.0 * vc
        uvv = uc * vc * vc
        u[1:-1, 1:-1] = uc + du * lap_u - uvv + feed * (1.0 - uc)
        v[1:-1, 1:-1] = vc + dv * lap_v + uvv - (feed + kill) * vc
    return v


def setup():
    rng = np.random.default_rng(0)
    n = 128
    u = np.ones((n, n))
    v = np.zeros((n, n))
    u[n // 2 - 8:n // 2 + 8, n // 2 - 8:n // 2 + 8] = 0.5
    v[n // 2 - 8:n // 2 + 8, n // 2 - 8:n // 2 + 8] = 0.25
    u += 0.05 * rng.random((n, n))
    v += 0.05 * rng.random((n, n))
    return u, v, 0.16, 0.08, 0.035, 0.065, 10

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
