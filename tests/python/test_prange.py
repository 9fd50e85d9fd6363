"""sharpjit.prange: Numba's kernels that use prange compile unchanged, through @jit and `sharpjit run`. Without
parallel=True the loop runs as range does; with it, its chunks run on the thread pool (Binding/ParallelLoops.cs),
and the results are checked against the same function run by CPython."""
import os
import subprocess
import traceback

import numpy as np
import pytest

import sharpjit
from sharpjit import _sharpjit
from conftest import PYTHON, REPO, subprocess_env

PROGRAM = '''
import numpy as np
from sharpjit import prange
import sharpjit


@sharpjit.jit(parallel=True)
def total(a):
    s = 0.0
    for i in prange(len(a)):
        s += a[i] * i
    for i in sharpjit.prange(2, 9, 3):
        s += i
    return s


@sharpjit.jit
def order(n):
    seen = []
    for i in prange(n):
        seen.append(i * i)
    return seen


print(total(np.arange(10.0)), order(5))
'''
EXPECTED = "300.0 [0, 1, 4, 9, 16]\n"


def test_prange_through_jit(tmp_path):
    path = tmp_path / "prange_kernel.py"
    path.write_text(PROGRAM)
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == EXPECTED


def test_prange_in_sharpjit_run(tmp_path):
    path = tmp_path / "prange_kernel.py"
    path.write_text(PROGRAM)
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == EXPECTED


# ---------------------------------------------------------------- parallel=True: the loops run on the thread pool

KERNELS = '''
import numpy as np
import sharpjit
from sharpjit import prange


@sharpjit.jit(parallel=True)
def reductions(a, n):
    total = 0           # int at the loop, float after it: as the serial loop types it
    product = 1.0
    down = 100
    bits_or = 0
    bits_and = -1
    bits_xor = 0
    for i in prange(n):
        x = a[i % a.shape[0]]
        total += x
        product *= 1.0 + x * 1e-4
        down -= i % 7
        bits_or |= i
        bits_and &= ~(i & 1024)
        bits_xor ^= i * 2654435761
    return total, product, down, bits_or, bits_and, bits_xor


@sharpjit.jit(parallel=True)
def private_temporaries(a, out):
    for i in prange(a.shape[0]):
        row = a[i]
        acc = 0.0
        for j in range(row.shape[0]):
            t = row[j] * (j + 1)
            acc += t
        out[i] = acc
    for i in range(3):      # the loop variable reused after the loop: a new binding
        out[i] += i
    return out


@sharpjit.jit(parallel=True)
def steps(n):
    s = 0
    for i in prange(n, -7, -3):
        s += i * i
    for i in sharpjit.prange(5, 5):
        s += 1000
    return s


@sharpjit.jit(parallel=True)
def read_after(a):
    # The last value of a variable the body assigns is read after the loop: it stays an ordinary loop.
    last = -1.0
    for i in prange(a.shape[0]):
        last = a[i] * 2
    return last, i


@sharpjit.jit(parallel=True)
def carried(a):
    # t carries a value from one iteration to the next: an ordinary loop.
    t = 0.0
    out = np.empty_like(a)
    for i in prange(a.shape[0]):
        t = t * 0.5 + a[i]
        out[i] = t
    return out


@sharpjit.jit(parallel=True)
def breaks(a):
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] > 50:
            break
        s += a[i]
    return s


@sharpjit.jit(parallel=True)
def first_error(a):
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] > 3000.0:
            raise ValueError("too large at", i)
        s += a[i]
    return s


@sharpjit.jit(parallel=True)
def allocating(n):
    s = 0.0
    for i in prange(n):
        tmp = np.arange(i % 5 + 1) * 1.0
        s += tmp.sum()
    return s


@sharpjit.jit(parallel=True, nogil=True)
def nogil_sum(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@sharpjit.jit(parallel=True)
def array_reductions(a, fail_at):
    h = np.zeros(3)
    m = np.ones(3, dtype=np.int64)
    for i in prange(a.shape[0]):
        h += a[i]                 # each chunk adds into an array of its own, added into h after the loop
        m *= 1 + (i % 3 == 0)
        if i == fail_at:
            raise IndexError("failed at", i)
    return h, m


@sharpjit.jit(parallel=True)
def rebinding_reductions(a, n):
    total = 0.0
    scaled = 1
    lowest = a[0]
    highest = -1
    bits = 0
    for i in prange(n):
        x = a[i % a.shape[0]]
        total = total + x           # s = s op x, and s = x op s for the commutative operators
        scaled = (1 + (i % 50000 == 0)) * scaled
        lowest = min(lowest, x - i % 11)
        highest = max(highest, i % 977)
        bits = bits ^ (i * 2654435761)
    return total, scaled, lowest, highest, bits


@sharpjit.jit(parallel=True)
def min_max_with_nans(a):
    lo = np.inf
    hi = -np.inf
    for i in prange(a.shape[0]):
        lo = min(lo, a[i])          # a NaN element never replaces lo: chunks combine to the in-order result
        hi = max(hi, a[i])
    return lo, hi


@sharpjit.jit(parallel=True)
def min_value_first(a):
    # min(x, m): a NaN x replaces m, so chunks could not combine: an ordinary loop
    m = np.inf
    for i in prange(a.shape[0]):
        m = min(a[i], m)
    return m


@sharpjit.jit(parallel=True)
def narrow_min_max(a):
    lo = a[0]
    hi = a[0]
    for i in prange(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return lo, hi


@sharpjit.jit(parallel=True)
def complex_min(a):
    m = 0j
    for i in prange(a.shape[0]):
        m = min(m, a[i] * 1j)
    return m


@sharpjit.jit(parallel=True)
def whole_array(a, b, s):
    return np.sin(a) * np.exp(b) + np.arctan2(a, b) * s


@sharpjit.jit
def whole_array_serial(a, b, s):
    return np.sin(a) * np.exp(b) + np.arctan2(a, b) * s


@sharpjit.jit(parallel=True)
def whole_array_in_place(a, b, k):
    a += b * k          # in place: the chunks write the caller's array
    a *= 0.5
    c = a[::2] + 1.0    # strided: one loop on the calling thread
    q = b // k          # integer division by a run-time number: one loop (its multiplier is worked out first)
    return c, q


@sharpjit.jit(parallel=True)
def whole_array_2d(u, b):
    lap = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]   # chunks of rows
    return lap, np.exp(u * b[:, None]) - u, u.T * 2.0   # a broadcast operand; the transpose: one loop nest


@sharpjit.jit(parallel=True)
def whole_array_fortran(u, v):
    # Fortran-ordered results (NumPy's K order): one flat loop; with a broadcast row, the loop nest with the first
    # axis innermost, its chunks taken along the last axis
    return u.T * 2.0 + u.T, u.T * 2.0 + v, np.sqrt(u.T[::2] + 1.0) * u.T[1::2]


@sharpjit.jit(parallel=True)
def parallel_sums(a):
    return a.sum(), a.mean(), a.var(), a.std(), np.sum(a[::2])


@sharpjit.jit(parallel=True)
def parallel_reductions(a):
    return a.max(), a.min(), a.argmax(), a.argmin(), a.any(), a.all(), np.amax(a), np.argmin(a)


@sharpjit.jit(parallel=True)
def parallel_axis_reductions(a):
    return (a.sum(axis=0), a.max(axis=0), a.min(axis=0), a.argmax(axis=0), a.argmin(axis=0), a.mean(axis=0),
            a.any(axis=0), a.all(axis=0), np.prod(a, axis=0),
            a.sum(axis=1), a.max(axis=1), a.min(axis=1), a.argmax(axis=1), a.argmin(axis=1), a.mean(axis=1),
            a.any(axis=1), a.all(axis=1), np.prod(a, axis=1),
            a.sum(axis=-1), a.max(axis=-1), a.argmin(axis=-1), a.all(axis=-1))


@sharpjit.jit(parallel=True)
def parallel_axis_variances(a):
    return (a.var(axis=0), a.std(axis=0, ddof=1), np.nanmax(a, axis=0), a.sum(axis=0, keepdims=True),
            a.var(axis=-1), a.std(axis=-1, ddof=1), np.nanmax(a, axis=-1), a.sum(axis=-1, keepdims=True))


@sharpjit.jit(parallel=True)
def parallel_integer_reductions(a):
    return a.sum(), a.prod(), (a > 3).sum(), (a > 3).any(), (a < 6).all()


@sharpjit.jit(parallel=True)
def whole_array_narrow(a, b):
    return (a * b + 3) & 0xFF


@sharpjit.jit(parallel=True)
def list_reduction(n):
    items = [0]
    for i in prange(n):
        items += [i]
    return items
'''


THREAD_KERNELS = '''
import threading
import time
import numpy as np
import sharpjit
from sharpjit import prange


@sharpjit.callback("int64(int64)")
def thread_id(i):
    time.sleep(0.005)   # long enough that the pool's other threads take chunks before the calling thread ends them
    return threading.get_ident()


@sharpjit.jit(parallel=True)
def threads_in_reductions(n):
    first = n
    total = 0
    threads = np.zeros(n, dtype=np.int64)
    for i in prange(n):
        t = thread_id(i)
        threads[i] = t
        first = min(first, i)
        total = total + i
    return threads, first, total


@sharpjit.jit(parallel=True)
def threads_used(n):
    ids = np.zeros(n, dtype=np.int64)
    for i in prange(n):
        ids[i] = thread_id(i)   # a call into Python: the caller lets go of the GIL while chunks run
    return ids
'''


def _kernels(make_module):
    return make_module(KERNELS)


def test_parallel_reductions_match_the_loop_run_in_order(make_module):
    m = _kernels(make_module)
    a = np.arange(1000, dtype=np.float64) % 17   # integer-valued: any order of additions gives the same sum
    got, want = m.reductions(a, 100_000), m.reductions.py_func(a, 100_000)
    assert got[0] == want[0] and type(got[0]) is float
    assert got[1] == pytest.approx(want[1], rel=1e-12)   # products in another order: the last bits may differ
    assert got[2:] == want[2:]


def test_parallel_private_variables_steps_and_empty_ranges(make_module):
    m = _kernels(make_module)
    a = np.random.default_rng(1).random((300, 40))
    np.testing.assert_allclose(m.private_temporaries(a, np.zeros(300)), m.private_temporaries.py_func(a, np.zeros(300)), rtol=1e-12)
    for n in (100, 8, -7, -8, 0):
        assert m.steps(n) == m.steps.py_func(n)


def test_loops_that_parallel_would_change_stay_in_order(make_module):
    m = _kernels(make_module)
    a = np.arange(100.0)
    assert m.read_after(a) == m.read_after.py_func(a)
    np.testing.assert_array_equal(m.carried(a), m.carried.py_func(a))
    assert m.breaks(a) == m.breaks.py_func(a)


def test_parallel_loop_raises_the_exception_of_the_first_failing_iteration(make_module):
    m = _kernels(make_module)
    a = np.arange(100_000.0)
    with pytest.raises(ValueError) as want:
        m.first_error.py_func(a)
    before = _sharpjit._live_allocations()
    for _ in range(3):
        with pytest.raises(ValueError) as got:
            m.first_error(a)
        assert got.value.args == want.value.args == ("too large at", 3001)
    tb = [(frame.name, frame.line) for frame in traceback.extract_tb(got.tb)]
    assert tb[-1] == ("first_error", 'raise ValueError("too large at", i)')   # the body's frame, named as CPython names it
    assert _sharpjit._live_allocations() == before


def test_parallel_loop_runs_on_several_threads_and_frees_what_chunks_allocate(make_module):
    m = _kernels(make_module)
    before = _sharpjit._live_allocations()
    assert m.allocating(10_000) == m.allocating.py_func(10_000)
    assert _sharpjit._live_allocations() == before
    threads = make_module(THREAD_KERNELS)
    ids = threads.threads_used(32)
    reduced_on, first, total = threads.threads_in_reductions(32)
    assert (first, total) == (0, sum(range(32)))
    if (os.cpu_count() or 1) > 1 and os.environ.get("SHARPJIT_NUM_THREADS", "") in ("", "0"):
        assert len(set(ids.tolist())) > 1
        assert len(set(reduced_on.tolist())) > 1   # s = s + x and min(s, x) reductions run in parallel too
    a = np.arange(10_000.0)
    assert m.nogil_sum(a) == a.sum()


def test_parallel_array_reductions_and_their_exceptions_free_every_chunk_array(make_module):
    m = _kernels(make_module)
    a = np.arange(1000.0)
    got, want = m.array_reductions(a, -1), m.array_reductions.py_func(a, -1)
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])
    before = _sharpjit._live_allocations()
    for fail_at in (700, 3, 999):   # chunks before and after the failing one finished with arrays of their own
        with pytest.raises(IndexError) as got_error:
            m.array_reductions(a, fail_at)
        assert got_error.value.args == ("failed at", fail_at)
    assert _sharpjit._live_allocations() == before


def test_rebinding_and_min_max_reductions_match_the_loop_run_in_order(make_module):
    m = _kernels(make_module)
    a = np.arange(1000, dtype=np.float64) % 17
    assert m.rebinding_reductions(a, 100_000) == m.rebinding_reductions.py_func(a, 100_000)
    with_nans = np.random.default_rng(2).random(50_000)
    with_nans[[0, 7, 20_000, 49_999]] = np.nan
    for values in (with_nans, with_nans[1:], with_nans[1:-1], np.arange(10.0)[::-1], np.array([-0.0, 0.0, 0.0, -0.0] * 5000)):
        got, want = m.min_max_with_nans(values), m.min_max_with_nans.py_func(values)
        assert str(got) == str(want)    # NaN where the loop run in order gives NaN, and the same signed zero
    assert str(m.min_value_first(with_nans)) == str(m.min_value_first.py_func(with_nans))
    for dtype in (np.int8, np.uint16, np.uint64, np.float32, np.bool_):
        values = (np.arange(3000) * 7919 % 251).astype(dtype)
        got, want = m.narrow_min_max(values), m.narrow_min_max.py_func(values)
        assert got == want and type(got[0]) is (bool if dtype is np.bool_ else type(want[0]))   # numpy.bool_ returns as bool
    with pytest.raises(sharpjit.errors.TypingError, match=r"cannot reduce a complex with min\(\)"):
        m.complex_min(np.arange(3.0))


def test_parallel_whole_array_expressions_run_in_chunks_and_match_numpy(make_module):
    m = _kernels(make_module)
    rng = np.random.default_rng(3)
    for n in (0, 1, 1000, 65535, 65536, 200_001):   # below 2**16 elements: one call of the chunk function
        a, b = rng.random(n), rng.random(n)
        got, serial, want = m.whole_array(a, b, 2.5), m.whole_array_serial(a, b, 2.5), m.whole_array.py_func(a, b, 2.5)
        # The last elements of a chunk take the scalar libm path where the loop's vector body would not: the last bit
        np.testing.assert_allclose(got, serial, rtol=1e-15, atol=0)
        np.testing.assert_allclose(got, want, rtol=1e-14, atol=0)
    ir = lambda f: "".join(f.inspect_llvm().values())
    assert "array_chunk" in ir(m.whole_array) and "array_chunk" not in ir(m.whole_array_serial)

    a, b = rng.random(300_000), np.arange(300_000) % 7
    ours, theirs = a.copy(), a.copy()
    got, want = m.whole_array_in_place(ours, b, 3), m.whole_array_in_place.py_func(theirs, b, 3)
    np.testing.assert_array_equal(ours, theirs)
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        got, want = m.whole_array_in_place(ours, b, 0), m.whole_array_in_place.py_func(theirs, b, 0)
    np.testing.assert_array_equal(ours, theirs)
    np.testing.assert_array_equal(got[1], want[1])   # NumPy's 0 for an integer divided by 0

    for n in (1, 3, 200, 700):
        u, b = rng.random((n, n)), rng.random(n)
        for got, want in zip(m.whole_array_2d(u, b), m.whole_array_2d.py_func(u, b)):
            np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-15)   # exp: libmvec's and NumPy's last bits
        v = rng.random(n)
        results = list(zip(m.whole_array_fortran(u, v), m.whole_array_fortran.py_func(u, v)))
        for got, want in results:
            np.testing.assert_array_equal(got, want)
        for got, want in results[:2]:   # (strided operands: C order here, NumPy's order by their run-time strides)
            assert (got.flags.f_contiguous, got.flags.c_contiguous, got.strides) == (want.flags.f_contiguous, want.flags.c_contiguous, want.strides)

    x = (np.arange(100_000) % 251).astype(np.uint8)
    got, want = m.whole_array_narrow(x, x), m.whole_array_narrow.py_func(x, x)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)


def test_parallel_sums_take_numpys_chunks_on_the_thread_pool_to_the_same_bits(make_module):
    m = _kernels(make_module)
    rng = np.random.default_rng(4)
    for n in (1, 1000, 131071, 131072, 1_000_003):   # from 2**17 items: NumPy's 8192-item chunks summed in parallel
        for dtype in (np.float64, np.float32):
            a = (rng.random(n) * 1e3).astype(dtype)
            assert m.parallel_sums(a) == m.parallel_sums.py_func(a)
    assert "sj_np_sum_f64_parallel" in "".join(m.parallel_sums.inspect_llvm().values())


def test_parallel_reductions_of_arrays_combine_their_chunks_as_numpy_reduces(make_module):
    # Extremes (NaN as NumPy), argmin/argmax (the first position, the first NaN), any/all, integer sums and products:
    # each chunk on the thread pool reduces its part, the chunks' results combined in order.
    m = _kernels(make_module)
    rng = np.random.default_rng(5)
    for n in (0, 1, 5, 65535, 65536, 100_003, 1_000_001):   # from 2**16 items: chunks on the thread pool
        for dtype in (np.float64, np.float32, np.int64, np.int32, np.uint8, np.bool_):
            a = (rng.random(n) * 100).astype(dtype)
            for nan_at in ([], [n // 3], [n // 2, n // 5]) if dtype in (np.float64, np.float32) and n > 10 else ([],):
                b = a.copy()
                if nan_at:
                    b[nan_at] = np.nan
                b[n * 3 // 4:] = b.max() if n > 10 else b[n * 3 // 4:]   # ties: the first position wins
                if n == 0:
                    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
                        m.parallel_reductions(b)
                    continue
                got, want = m.parallel_reductions(b), m.parallel_reductions.py_func(b)
                assert all(g == w or (g != g and w != w) for g, w in zip(got, want)), (n, dtype, nan_at, got, want)
        ints = rng.integers(1, 8, n)
        assert m.parallel_integer_reductions(ints) == m.parallel_integer_reductions.py_func(ints)   # products wrap as NumPy's
    f = rng.random((700, 300)).T   # Fortran-ordered: extremes in memory order, positions in C order
    assert m.parallel_reductions(f) == m.parallel_reductions.py_func(f)
    assert "array_chunk" in "".join(m.parallel_reductions.inspect_llvm().values())


def test_parallel_reductions_along_an_axis_split_rows_or_columns_to_numpys_bits(make_module):
    # Along the axis innermost in memory the rows, along an outer axis the columns, are cut into chunks on the thread
    # pool; each result takes its elements in the serial order (sums pairwise along rows, in order down columns), so
    # the results are NumPy's to the bit. Shapes below 2**16 items, or with fewer than 256 columns, stay serial.
    m = _kernels(make_module)
    rng = np.random.default_rng(11)

    def same(got, want, where):
        for g, w in zip(got, want):
            assert g.dtype == w.dtype and g.shape == w.shape, where
            np.testing.assert_array_equal(g, w, err_msg=str(where))

    for shape in ((3, 5), (400, 300), (300, 400), (70000, 2), (2, 70000), (20, 30, 200), (8, 300, 40)):
        for dtype in (np.float64, np.float32, np.int64, np.int32, np.uint8):
            a = (rng.random(shape) * 100).astype(dtype)
            if dtype in (np.float64, np.float32) and a.size > 100:
                a.flat[a.size // 3] = np.nan
                a.flat[a.size // 2] = a.max()
            for x in (a, np.asfortranarray(a)):
                same(m.parallel_axis_reductions(x), m.parallel_axis_reductions.py_func(x), (shape, dtype))
                if dtype in (np.float64, np.float32):
                    same(m.parallel_axis_variances(x), m.parallel_axis_variances.py_func(x), (shape, dtype))
    ir = m.parallel_axis_reductions.inspect_llvm(("array(float64, 2d, C)",))
    assert ir.count("define internal") >= 20   # a chunk function per reduction


def test_parallel_reduction_of_a_list_is_a_clear_typing_error(make_module):
    m = _kernels(make_module)
    with pytest.raises(sharpjit.errors.TypingError, match="a prange loop cannot reduce a list"):
        m.list_reduction(4)


def test_parallel_loops_in_sharpjit_run(tmp_path):
    path = tmp_path / "parallel_kernels.py"
    path.write_text(KERNELS + '''
a = np.arange(1000, dtype=np.float64) % 17
print(reductions(a, 100000)[0], reductions(a, 100000)[2:], steps(100), read_after(np.arange(5.0)), breaks(np.arange(100.0)))
print(private_temporaries(np.ones((4, 3)), np.zeros(4)), allocating(1000), array_reductions(np.arange(100.0), -1))
print(rebinding_reductions(a, 100000), min_max_with_nans(np.array([3.0, np.nan, -1.0, 2.0] * 1000)), narrow_min_max(a.astype(np.int16)))
w = whole_array_narrow((np.arange(100000) % 251).astype(np.uint8), (np.arange(100000) % 13).astype(np.uint8))
print(w.dtype, w.sum(), w[-5:])
try:
    first_error(np.arange(100000.0))
except ValueError as e:
    print("ValueError", e)
''')
    expected = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert expected.returncode == 0, expected.stderr
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected.stdout
