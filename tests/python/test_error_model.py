"""error_model="numpy": division by zero gives NumPy's results (compared with NumPy's own functions) instead of raising."""
import math

import numpy as np
import pytest

import sharpjit


@sharpjit.jit(error_model="numpy")
def ops(a, b):
    return a / b, a // b, a % b


@sharpjit.jit
def python_ops(a, b):
    return a / b


def numpy_ops(a, b):
    with np.errstate(all="ignore"):
        return np.true_divide(a, b), np.floor_divide(a, b), np.remainder(a, b)


def same(x, y):
    return (math.isnan(x) and math.isnan(y)) or x == y


@pytest.mark.parametrize("a, b", [(1, 0), (-7, 0), (0, 0), (7, 2), (-7, 2),
                                  (1.0, 0.0), (-1.5, 0.0), (0.0, 0.0), (5.5, -2.0), (-0.0, 0.0)])
def test_division_by_zero_follows_numpy(a, b):
    got = ops(a, b)
    want = numpy_ops(np.int64(a) if type(a) is int else np.float64(a), np.int64(b) if type(b) is int else np.float64(b))
    assert all(same(g, float(w)) for g, w in zip(got, want)), (got, want)


@sharpjit.jit(error_model="numpy")
def power(a, b):
    return a ** b


def test_zero_to_a_negative_power_is_inf():
    assert power(0.0, -1.0) == math.inf


@sharpjit.jit(error_model="numpy")
def math_functions(x):
    return math.sqrt(x), math.log(x), math.acos(x * 3), math.exp(x * 1000)


def test_math_functions_give_ieee_results():
    # Numba's math functions never raise domain or range errors; CPython's do (the python model keeps them).
    with np.errstate(all="ignore"):
        want = (np.sqrt(-1.0), np.log(-1.0), np.arccos(-3.0), np.exp(-1000.0))
    assert all(same(g, float(w)) for g, w in zip(math_functions(-1.0), want))
    assert math_functions(0.0)[1] == -math.inf and math_functions(1.0)[3] == math.inf
    with pytest.raises(ValueError, match="math domain error"):
        sharpjit.jit(lambda x: math.sqrt(x))(-1.0)


def test_python_error_model_still_raises():
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        python_ops(1.0, 0.0)


def test_unknown_error_model_is_rejected():
    with pytest.raises(ValueError):
        sharpjit.jit(error_model="fortran")(lambda x: x)
