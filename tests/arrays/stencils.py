# Covers: whole-array stencil updates with slices (diffusion, wave equation), copies, in-place updates of views
import numpy as np


def diffuse(u, steps, k):
    for _ in range(steps):
        lap = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]
        u[1:-1, 1:-1] += k * lap
    return u


def wave(c, p, d, dt):
    a = np.zeros_like(c)
    a[1:-1] = c[:-2] + c[2:] - 2 * c[1:-1]
    return (2 - d) * c - (1 - d) * p + a * dt ** 2


u = np.zeros((6, 6))
u[3, 3] = 1.0
print(diffuse(u, 3, 0.1))
x = np.linspace(0.0, 1.0, 8)
print(wave(np.sin(x), np.cos(x), 0.1, 0.5))
a = np.arange(8.0)
a += a[::-1]
print(a)
b = np.arange(6)
b[1:] += b[:-1]
print(b)
c = np.arange(5.0)
c *= c
print(c)
