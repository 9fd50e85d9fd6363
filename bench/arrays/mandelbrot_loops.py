# mandelbrot_loops: escape-time counts over a grid, a loop per pixel with real arithmetic, counts in a 2-D array.
# Measures: a data-dependent inner loop (early exit) per element of a 2-D output.
# Needs: np.zeros((h, w), dtype=np.int64), out[i, j] writes; the coordinates computed from the indices.
import numpy as np


def kernel(xmin, xmax, ymin, ymax, width, height, maxiter):
    counts = np.zeros((height, width), dtype=np.int64)
    for i in range(height):
        ci = ymin + (ymax - ymin) * i / (height - 1)
        for j in range(width):
            cr = xmin + (xmax - xmin) * j / (width - 1)
            zr = 0.0
            zi = 0.0
            n = 0
            while n < maxiter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            counts[i, j] = n
    return counts


def setup():
    return -2.0, 0.5, -1.25, 1.25, 100, 80, 30

# --- sanity ---
print(kernel(*setup()).sum())
