# mandelbrot: escape-time counts over a grid, the whole-array way: complex arrays updated through a mask.
# Measures: complex arithmetic on arrays, np.abs of complex, boolean-mask gather and scatter per iteration.
# Needs: np.linspace, None indexing, complex128 arrays (1j * array), np.zeros_like, np.zeros(shape, dtype=np.int64),
# z[mask] reads and writes, counts[mask] += 1.
import numpy as np


def kernel(xmin, xmax, ymin, ymax, width, height, maxiter):
    c = np.linspace(xmin, xmax, width)[None, :] + 1j * np.linspace(ymin, ymax, height)[:, None]
    z = np.zeros_like(c)
    counts = np.zeros(c.shape, dtype=np.int64)
    for _ in range(maxiter):
        mask = np.abs(z) <= 2.0
        z[mask] = z[mask] ** 2 + c[mask]
        counts[mask] += 1
    return counts


def setup():
    return -2.0, 0.5, -1.25, 1.25, 100, 100, 30

# --- sanity ---
print(kernel(*setup()).sum())
