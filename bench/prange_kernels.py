"""The prange kernels bench/prange.py times, as Numba users write them. bench/prange.py loads this file once per engine
and mode, with ENGINE (the sharpjit or numba module) and PARALLEL set in the module before its code runs."""
import math

import numpy as np

jit = ENGINE.njit          # noqa: F821 (set by the loader)
prange = ENGINE.prange     # noqa: F821


@jit(parallel=PARALLEL)    # noqa: F821
def sin_cos_sum(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += math.sin(a[i]) * math.cos(a[i])
    return s


@jit(parallel=PARALLEL)    # noqa: F821
def pairwise(x, out):
    n = x.shape[0]
    for i in prange(n):
        for j in range(n):
            d = 0.0
            for k in range(x.shape[1]):
                t = x[i, k] - x[j, k]
                d += t * t
            out[i, j] = math.sqrt(d)
    return out


@jit(parallel=PARALLEL)    # noqa: F821
def mandelbrot(out, xmin, xmax, ymin, ymax, iterations):
    h, w = out.shape
    for y in prange(h):
        for x in range(w):
            cr = xmin + x * (xmax - xmin) / w
            ci = ymin + y * (ymax - ymin) / h
            zr = 0.0
            zi = 0.0
            n = 0
            while n < iterations and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            out[y, x] = n
    return out


@jit(parallel=PARALLEL)    # noqa: F821
def diffusion(u, out, k):
    n, m = u.shape
    for i in prange(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = u[i, j] + k * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j])
    return out


@jit(parallel=PARALLEL)    # noqa: F821
def inside_circle(xs, ys):
    count = 0
    for i in prange(xs.shape[0]):
        if xs[i] * xs[i] + ys[i] * ys[i] <= 1.0:
            count += 1
    return count


@jit(parallel=PARALLEL)    # noqa: F821
def column_sums(a):
    acc = np.zeros(a.shape[1])
    for i in prange(a.shape[0]):
        acc += a[i]
    return acc


@jit(parallel=PARALLEL)    # noqa: F821
def value_range(a):
    lo = np.inf
    hi = -np.inf
    for i in prange(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return np.array([lo, hi])


@jit(parallel=PARALLEL)    # noqa: F821
def whole_array(a, b):
    return np.sin(a) * np.exp(b) + np.arctan2(a, b)


@jit(parallel=PARALLEL)    # noqa: F821
def laplacian(u):
    return u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]


def cases(rng):
    """name, kernel name, arguments (a function making fresh ones for kernels that write an output)."""
    xs, ys = rng.random(10_000_000), rng.random(10_000_000)
    points = rng.random((1500, 3))
    grid = rng.random((2000, 2000))
    return [
        ("sin*cos sum, 4M (+ reduction)", "sin_cos_sum", (rng.random(4_000_000),)),
        ("pairwise distances 1500x3", "pairwise", (points, np.empty((1500, 1500)))),
        ("mandelbrot 400x600, 200 iterations", "mandelbrot", (np.zeros((400, 600), dtype=np.int64), -2.0, 1.0, -1.0, 1.0, 200)),
        ("diffusion step 2000x2000", "diffusion", (grid, np.zeros_like(grid), 0.1)),
        ("points inside a circle, 10M (int reduction)", "inside_circle", (xs, ys)),
        ("column sums 20000x64 (array reduction)", "column_sums", (rng.random((20000, 64)),)),
        ("min and max, 10M (min(s, x) reductions)", "value_range", (xs,)),
        ("sin*exp+arctan2, 4M (whole-array expression)", "whole_array", (xs[:4_000_000], ys[:4_000_000])),
        ("laplacian 2000x2000 (whole-array, slices)", "laplacian", (grid,)),
    ]
