# nbody_loops: gravitational n-body with loops over pairs, positions and velocities as (n, 3) arrays.
# Measures: a pair loop with scalar element access into 2-D arrays, np.sqrt on floats, then whole-array updates.
# Needs: 2-D float64 arrays, np.zeros_like, a[i, 0] reads and +=, in-place array += array * scalar.
import numpy as np


def kernel(pos, vel, mass, dt, softening, steps):
    n = pos.shape[0]
    for _ in range(steps):
        acc = np.zeros_like(pos)
        for i in range(n):
            for j in range(i + 1, n):
                dx = pos[j, 0] - pos[i, 0]
                dy = pos[j, 1] - pos[i, 1]
                dz = pos[j, 2] - pos[i, 2]
                r2 = dx * dx + dy * dy + dz * dz + softening
                inv = 1.0 / (r2 * np.sqrt(r2))
                acc[i, 0] += mass[j] * inv * dx
                acc[i, 1] += mass[j] * inv * dy
                acc[i, 2] += mass[j] * inv * dz
                acc[j, 0] -= mass[i] * inv * dx
                acc[j, 1] -= mass[i] * inv * dy
                acc[j, 2] -= mass[i] * inv * dz
        vel += acc * dt
        pos += vel * dt
    return pos


def setup():
    rng = np.random.default_rng(0)
    n = 64
    return rng.standard_normal((n, 3)), 0.1 * rng.standard_normal((n, 3)), rng.random(n) / n, 0.01, 0.01, 5

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
