"""The kernel bench/vectorize.py times inside compiled code: two @vectorize functions in one expression, compiled by
sharpjit or by Numba from this same source."""
import math


def jitted(engine):
    """use(x, y) compiled by engine (the sharpjit or numba module), with its own @vectorize kernels."""
    if engine.__name__ == "sharpjit":
        return sharpjit_use
    import numba

    rel = numba.vectorize(["float64(float64, float64)"])(_rel_diff)
    hyp = numba.vectorize(_hyp)

    @numba.njit
    def use(x, y):
        return rel(x, y) * 2.0 + hyp(x, y)
    return use


def _rel_diff(x, y):
    return 2.0 * (x - y) / (x + y + 1.0)


def _hyp(x, y):
    return math.sqrt(x * x + y * y)


import sharpjit  # noqa: E402  (after the plain kernels Numba takes)


@sharpjit.vectorize(["float64(float64, float64)"])
def rel(x, y):
    return 2.0 * (x - y) / (x + y + 1.0)


@sharpjit.vectorize
def hyp(x, y):
    return math.sqrt(x * x + y * y)


@sharpjit.jit
def sharpjit_use(x, y):
    return rel(x, y) * 2.0 + hyp(x, y)
