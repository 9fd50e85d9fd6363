"""@stencil kernels as Numba users write them, for bench/stencil.py: ENGINE (sharpjit or numba) is set before this
module runs. Each case: (name, stencil, a compiled function calling it, one compiled with parallel=True calling it,
NumPy's slicing equivalent, arguments)."""
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


@ENGINE.stencil
def tanh_diffusion(a):
    return a[0, 0] + 0.1 * np.tanh(a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1] - 4 * a[0, 0])


@ENGINE.njit
def laplace_in_jit(a):
    return laplace(a)


@ENGINE.njit
def blur_in_jit(a):
    return blur(a)


@ENGINE.njit
def smooth_in_jit(a):
    return smooth(a)


@ENGINE.njit
def tanh_diffusion_in_jit(a):
    return tanh_diffusion(a)


@ENGINE.njit(parallel=True)
def tanh_diffusion_in_parallel(a):
    return tanh_diffusion(a)


@ENGINE.njit(parallel=True)
def laplace_in_parallel(a):
    return laplace(a)


@ENGINE.njit(parallel=True)
def blur_in_parallel(a):
    return blur(a)


@ENGINE.njit(parallel=True)
def smooth_in_parallel(a):
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


def tanh_diffusion_numpy(a):
    out = np.zeros_like(a)
    out[1:-1, 1:-1] = a[1:-1, 1:-1] + 0.1 * np.tanh(a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:] - 4 * a[1:-1, 1:-1])
    return out


def smooth_numpy(a):
    out = np.full_like(a, np.nan)
    out[1:-1] = 0.25 * a[:-2] + 0.5 * a[1:-1] + 0.25 * a[2:]
    return out


def cases(rng):
    grid = rng.random((1000, 1000))
    line = rng.random(1_000_000)
    return [("laplace 1000x1000", laplace, laplace_in_jit, laplace_in_parallel, laplace_numpy, (grid,)),
            ("blur 3x3 1000x1000", blur, blur_in_jit, blur_in_parallel, blur_numpy, (grid,)),
            ("tanh diffusion 1000x1000", tanh_diffusion, tanh_diffusion_in_jit, tanh_diffusion_in_parallel, tanh_diffusion_numpy, (grid,)),
            ("smooth 1,000,000", smooth, smooth_in_jit, smooth_in_parallel, smooth_numpy, (line,))]
