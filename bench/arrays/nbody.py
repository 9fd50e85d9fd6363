# nbody: gravitational n-body, all pair forces by broadcasting, positions and velocities as (n, 3) arrays.
# Measures: (n, n, 3) and (n, n) temporaries, a power, reductions along axes, in-place += on (n, 3) arrays.
# Needs: None indexing, broadcasting, ndarray.sum(axis), ** with a float exponent, in-place array += array.
import numpy as np


def kernel(pos, vel, mass, dt, softening, steps):
    for _ in range(steps):
        d = pos[None, :, :] - pos[:, None, :]
        r2 = (d ** 2).sum(-1) + softening
        weight = mass[None, :] * r2 ** -1.5
        acc = (d * weight[:, :, None]).sum(1)
        vel += acc * dt
        pos += vel * dt
    return pos


def setup():
    rng = np.random.default_rng(0)
    n = 200
    return rng.standard_normal((n, 3)), 0.1 * rng.standard_normal((n, 3)), rng.random(n) / n, 0.01, 0.01, 5

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
