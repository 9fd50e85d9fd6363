# A tree of element-wise operations is fused into one arrayexpr (one loop, one output); an in-place update keeps
# its right-hand side as a separate (fused) temporary, as NumPy evaluates it before writing.
import numpy as np


def wave(c, p, d, a, dt):
    return (2 - d) * c - (1 - d) * p + a * dt ** 2


def step(u):
    u[1:-1] += 0.5 * (u[:-2] + u[2:] - 2.0 * u[1:-1])
    return u


x = np.linspace(0.0, 1.0, 4)
print(wave(x, x, 0.1, x, 0.5), step(x))
