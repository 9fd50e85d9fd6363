"""@stencil kernels as Numba users write them, for bench/stencil.py: ENGINE (sharpjit or numba) is set before this
module runs. Each case: (name, stencil, a compiled function calling it, NumPy's slicing equivalent, arguments)."""
import numpy as np

ENGINE = globals().get("ENGINE")


@ENGINE.stencil
def laplace(a):
    return a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1] - 4 * a[0, 0]


@ENGINE.stencil
def blur(a):
    return (a[-1, -1] + a[-1, 0] + a[-1, 1] + a[0, -1] + a[0, 0] + a[0, 1] + a[1, -1] + a[1, 0] + a[1, 1]) / 9


@ENGINE.stencil(cval=np.nan)
def smooth(a):
    return 0.25 * a[-1] + 0.5 * a[0] + 0.25 * a[1]


@ENGINE.njit
def laplace_in_jit(a):
    return laplace(a)


@ENGINE.njit
def blur_in_jit(a):
    return blur(a)


@ENGINE.njit
def smooth_in_jit(a):
    return smooth(a)


def laplace_numpy(a):
    out = np.zeros_like(a)
    out[1:-1, 1:-1] = a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:] - 4 * a[1:-1, 1:-1]
    return out


def blur_numpy(a):
    out = np.zeros_like(a)
    out[1:-1, 1:-1] = (a[:-2, :-2] + a[:-2, 1:-1] + a[:-2, 2:] + a[1:-1, :-2] + a[1:-1, 1:-1] + a[1:-1, 2:]
                       + a[2:, :-2] + a[2:, 1:-1] + a[2:, 2:]) / 9
    return out


def smooth_numpy(a):
    out = np.full_like(a, np.nan)
    out[1:-1] = 0.25 * a[:-2] + 0.5 * a[1:-1] + 0.25 * a[2:]
    return out


def cases(rng):
    grid = rng.random((1000, 1000))
    line = rng.random(1_000_000)
    return [("laplace 1000x1000", laplace, laplace_in_jit, laplace_numpy, (grid,)),
            ("blur 3x3 1000x1000", blur, blur_in_jit, blur_numpy, (grid,)),
            ("smooth 1,000,000", smooth, smooth_in_jit, smooth_numpy, (line,))]
