# Covers: Numba's @stencil: relative indices in 1, 2 and 3 dimensions, the neighbourhood found from constant offsets (negative only, positive only, both), the border set to 0 or cval (nan, a negative number), the output's dtype the kernel's result type (int arrays in, int or float out), several relatively indexed arrays and a number argument, standard_indexing for a coefficient array, the neighborhood option with a loop over offsets, out= (border left alone without cval, filled with it), arrays smaller than the neighbourhood, a kernel with an early return, calls from a function (parallel=True too: the loops on the thread pool), Numba's errors for arrays of different shapes
import numpy as np
from sharpjit import stencil, njit


@stencil
def laplace(a):
    return a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1] - 4 * a[0, 0]


@stencil
def forward(a):
    return a[1] - a[0]


@stencil
def backward(a):
    return a[0] - a[-2]


@stencil(cval=np.nan)
def smooth(a):
    return (a[-1] + a[0] + a[1]) / 3


@stencil(cval=-1)
def ints(a):
    return a[-1] * a[1]


@stencil
def blend(a, b, w):
    return w * a[0, 0] + (1 - w) * (b[0, -1] + b[0, 1]) / 2


@stencil(standard_indexing=("c",))
def weighted(a, c):
    return c[0] * a[-1] + c[1] * a[0] + c[2] * a[1]


@stencil(neighborhood=((-2, 2),))
def window(a):
    s = 0.0
    for k in range(-2, 3):
        s += a[k]
    return s / 5


@stencil
def cube(a):
    return a[0, 0, 1] + a[0, 1, 0] + a[1, 0, 0] - a[-1, -1, -1]


@stencil
def clipped(a):
    if a[0] > 0.5:
        return 1.0
    return a[-1] + a[1]


@stencil
def bigger(a):
    return a[0, 0] > a[1, 1]


def relax(a, steps):
    for _ in range(steps):
        a = a + 0.1 * laplace(a)
    return a


@njit(parallel=True)
def relax_parallel(a, steps):
    for _ in range(steps):
        a = a + 0.1 * laplace(a)
    return a


@njit(parallel=True)
def smooth_parallel(a, out):
    smooth(a, out=out)
    return window(a)


grid = np.arange(30.0).reshape(5, 6) ** 1.5 % 7
print(laplace(grid))
print(laplace(np.arange(20).reshape(4, 5)))
line = np.sin(np.arange(10.0))
print(forward(line))
print(backward(line))
print(smooth(line))
print(ints(np.arange(8)))
print(blend(grid, grid.T.copy().T * 2, 0.25))
print(weighted(line, np.array([0.25, 0.5, 0.25])))
print(window(line))
print(cube(np.arange(60.0).reshape(3, 4, 5)))
print(bigger(grid))
print(clipped(line))
print(relax(grid, 3))
print(relax_parallel(grid, 3))
big = np.arange(600.0 * 400).reshape(600, 400) ** 0.5 % 5
print(np.array_equal(relax_parallel(big, 2), relax(big, 2)), f"{relax_parallel(big, 2).sum():.9e}")
long_line = np.sin(np.arange(100_000.0))
long_out = np.zeros(100_000)
print(np.array_equal(smooth_parallel(long_line, long_out), window(long_line)), np.array_equal(long_out, smooth(long_line), equal_nan=True))
print(laplace(np.ones((2, 2))))
print(smooth(np.ones(2)))
out = np.full(10, 7.0)
print(forward(line, out=out))
print(out)
print(smooth(line, out=np.zeros(10)))
try:
    blend(grid, np.ones((5, 5)), 0.5)
except ValueError as e:
    print("ValueError:", e)
