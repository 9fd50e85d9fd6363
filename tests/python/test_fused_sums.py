"""Reductions of element-wise expressions without their arrays (Passes.ArrayFusion.FuseReductions,
Library/Arrays.FusedReductions.cs): float sums and means are NumPy's to the bit (its pairwise sums over 8192-item blocks of
the temporary), the other reductions NumPy's results, and the temporary is never made. tests/arrays/fused_sums.py runs the same kernels differentially under `sharpjit run` and the decorator."""
import numpy as np
import pytest

import sharpjit
from sharpjit import _sharpjit


@sharpjit.jit
def squared_error(a, b):
    return np.sum((a - b) ** 2)


@sharpjit.jit
def row_dots(a, b):
    return (a * b).sum(axis=-1)


@sharpjit.jit
def means(a, b):
    return np.mean((a - b) ** 2), (a * b).mean(axis=-1)


@sharpjit.jit
def pairwise(X):
    return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))


@sharpjit.jit(parallel=True)
def squared_error_parallel(a, b):
    return np.sum((a - b) ** 2)


@sharpjit.jit(parallel=True)
def row_dots_parallel(a, b):
    return (a * b).sum(axis=-1)


def kernels():
    """Fresh dispatchers, each compiled for one signature below."""
    return (sharpjit.jit(squared_error.py_func), sharpjit.jit(row_dots.py_func), sharpjit.jit(pairwise.py_func),
            sharpjit.jit(parallel=True)(squared_error.py_func))


def allocations(f):
    return sum(text.count("call ptr @sj_array_alloc") for text in f.inspect_llvm().values())


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("n", [0, 1, 7, 8, 300, 8191, 8192, 8193, 100_003])
def test_whole_sums_are_numpys_to_the_bit(n, dtype):
    rng = np.random.default_rng(n)
    a, b = rng.standard_normal(n).astype(dtype), rng.standard_normal(n).astype(dtype)
    got, want = squared_error(a, b), squared_error.py_func(a, b)
    assert got == want
    assert squared_error(a[::3], b[::3]) == squared_error.py_func(a[::3], b[::3])   # strided leaves


@pytest.mark.parametrize("shape", [(4, 3), (1000, 3), (3, 8192), (2, 20000), (0, 5), (5, 0), (3, 4, 5)])
def test_sums_along_the_last_axis_are_numpys_to_the_bit(shape):
    rng = np.random.default_rng(1)
    a, b = rng.random(shape), rng.random(shape)
    assert np.array_equal(row_dots(a, b), row_dots.py_func(a, b))
    assert np.array_equal(row_dots(a, b[..., :1]), row_dots.py_func(a, b[..., :1]))   # broadcast along the axis
    # Transposed operands: the temporary is Fortran-ordered (NumPy's K order, here too) and NumPy adds each line of
    # it in order: so does the unfused reduction it keeps, in and outside parallel=True functions.
    assert np.array_equal(row_dots(a.T, b.T), row_dots.py_func(a.T, b.T))
    assert np.array_equal(row_dots_parallel(a.T, b.T), row_dots.py_func(a.T, b.T))
    X = rng.random((shape[0], 3))
    assert np.array_equal(pairwise(X), pairwise.py_func(X))


@pytest.mark.parametrize("shape", [(3, 4), (300, 50), (7, 8193), (3, 4, 5000)])
def test_whole_sums_of_fortran_ordered_trees_follow_memory_order_to_the_bit(shape):
    # NumPy's temporary of transposed operands is Fortran-ordered and its sum runs over it in memory order: the
    # fused sum computes the elements in that order (no temporary), also with a broadcast 1-d operand.
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal(shape), rng.standard_normal(shape)
    f = sharpjit.jit(squared_error.py_func)
    assert f(a.T, b.T) == squared_error.py_func(a.T, b.T)
    row = rng.standard_normal(shape[0])
    assert f(a.T, row) == squared_error.py_func(a.T, row)
    assert allocations(f) == 0


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (2, 8193), (40, 300), (3, 40000)])
def test_means_are_numpys_to_the_bit(shape, dtype):
    rng = np.random.default_rng(2)
    a, b = rng.standard_normal(shape).astype(dtype), rng.standard_normal(shape).astype(dtype)
    (whole, rows), (want_whole, want_rows) = means(a, b), means.py_func(a, b)
    assert whole == want_whole and np.float64(whole).astype(dtype) == whole
    assert np.array_equal(rows, want_rows) and rows.dtype == want_rows.dtype


def test_the_temporary_is_never_made():
    sse, dots, distances, sse_parallel = kernels()
    a, b = np.ones(10_000), np.arange(10_000.0)
    before = _sharpjit._live_allocations()
    sse(a, b), dots(a.reshape(100, 100), b.reshape(100, 100)), distances(np.ones((10, 3)))
    assert _sharpjit._live_allocations() == before
    assert allocations(sse) == 0
    assert allocations(dots) == 1          # the result
    assert allocations(distances) == 2     # the sums and their square roots
    # parallel=True keeps the tree (its loop and the sum run on the thread pool): the same bits
    assert sse_parallel(a, b) == sse(a, b) == squared_error.py_func(a, b)
    assert allocations(sse_parallel) == 1


def test_broadcast_errors_are_numpys():
    with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(3,\) \(4,\)"):
        squared_error(np.ones(3), np.ones(4))


@sharpjit.jit
def extremes(a, b):
    return (np.abs(a - b).max(), np.min(a * b), (a > b).sum(), np.any(a > 2.0), (a >= 0).all(),
            np.argmax(a - b), (a * 0.5).argmin(), np.prod(a * 0.0 + 1.0), np.amax(a + b))


@sharpjit.jit
def row_extremes(a, b):
    return np.abs(a - b).max(axis=1), (a > b).sum(-1), (a - b).argmax(axis=-1), np.all(a + b > 0, axis=1), (a * 2).min(-1)


@sharpjit.jit
def integer_sums(i, j):
    return (i * j).sum(), (i - j).max(), np.sum(i + 1, axis=-1)


@pytest.mark.parametrize("shape", [(5,), (1000,), (3, 4), (7, 9000)])
def test_other_reductions_of_trees_match_numpy(shape):
    # Extremes, counts, any/all, arg-extremes, products and integer sums of a tree: the array reductions over the
    # tree's elements (exact, or in order), NaN first-wins included.
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal(shape), rng.standard_normal(shape)
    a.flat[len(a.flat) // 2] = np.nan
    for got, want in zip(extremes(a, b), extremes.py_func(a, b)):
        assert got == want or np.isnan(got) and np.isnan(want), (got, want)
    if len(shape) == 2:
        for got, want in zip(row_extremes(a, b), row_extremes.py_func(a, b)):
            assert np.array_equal(got, want, equal_nan=True) and got.dtype == want.dtype
        i, j = (np.nan_to_num(a) * 100).astype(np.int64), (b * 100).astype(np.int32)
        for got, want in zip(integer_sums(i, j), integer_sums.py_func(i, j)):
            assert np.array_equal(got, want)


def whole_without_arg(a, b):
    return np.abs(a - b).max(), np.min(a * b), (a > b).sum(), np.any(a > 2.0), (a >= 0).all(), np.prod(a * 0.5)


def rows_without_arg(a, b):
    return np.abs(a - b).max(axis=1), (a > b).sum(-1), np.all(a + b > 0, axis=1), (a * 2).min(-1)


def test_other_reductions_make_no_temporary_and_raise_numpys_errors():
    # argmin/argmax keep their array: over an array they take one vectorised pass, faster than two over a tree.
    f, g = sharpjit.jit(whole_without_arg), sharpjit.jit(rows_without_arg)
    a = np.arange(12.0).reshape(3, 4)
    assert f(a.ravel(), a.ravel()[::-1]) == whole_without_arg(a.ravel(), a.ravel()[::-1])
    assert all(np.array_equal(x, y) for x, y in zip(g(a, a[::-1]), rows_without_arg(a, a[::-1])))
    assert allocations(f) == 0
    assert allocations(g) == 4   # the four results
    f, g = sharpjit.jit(extremes.py_func), sharpjit.jit(row_extremes.py_func)
    for fn, args in [(f, (np.ones(0), np.ones(0))), (g, (np.ones((3, 0)), np.ones((3, 0)))), (g, (np.ones((0, 0)), np.ones((0, 0))))]:
        with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
            fn(*args)
