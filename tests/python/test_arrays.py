"""NumPy arrays across the decorator's boundary: no copies in or out, writes seen by the caller, returned arrays
owning their memory, views of arguments keeping them alive, signatures per dtype/ndim/layout/writability, clear
TypeErrors for arrays compiled code cannot take, and no leaks."""
import gc
import os
import re
import warnings
import resource
import shutil
import subprocess
import sys

import numpy as np
import pytest

import sharpjit
from conftest import unchecked_copy
from sharpjit import _sharpjit


def test_writes_are_seen_by_the_caller_without_a_copy():
    @sharpjit.jit
    def bump(a):
        for i in range(a.shape[0]):
            a[i] += i

    a = np.zeros(5)
    bump(a)
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    view = np.zeros(10)[::2]           # a strided view: written through its strides
    bump(view)
    assert view.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert view.base.tolist() == [0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 3.0, 0.0, 4.0, 0.0]


def test_buffer_protocol_and_array_interface_objects_are_arrays_without_a_copy():
    import array

    @sharpjit.jit
    def bump(a):
        for i in range(len(a)):
            a[i] += i + 1
        return a.sum()

    class Exposed:   # what other array libraries hand over: NumPy's array interface, no buffer
        def __init__(self, owner):
            self.__array_interface__ = owner.__array_interface__
            self.owner = owner

    doubles = array.array("d", [1.0, 2.0, 3.0])
    assert bump(doubles) == bump.py_func(np.array([1.0, 2.0, 3.0]))   # NumPy running the same code
    assert doubles.tolist() == [2.0, 4.0, 6.0]             # written in place: the caller's memory
    raw = bytearray(b"\x01\x02")
    assert bump(memoryview(raw)) == 6 and raw == bytearray(b"\x02\x04")
    import ctypes
    c_doubles = (ctypes.c_double * 2)(1.0, 1.0)             # ctypes arrays are buffers; ctypes functions are not arrays
    assert bump(c_doubles) == 5.0 and list(c_doubles) == [2.0, 3.0]
    owner = np.zeros(4, dtype=np.int32)
    assert bump(Exposed(owner)) == 10 and owner.tolist() == [1, 2, 3, 4]
    assert [s[0] for s in bump.signatures] == ["array(float64, 1d, C)", "array(uint8, 1d, C)", "array(int32, 1d, C)"]

    with pytest.raises(ValueError, match="^assignment destination is read-only$"):
        bump(b"\x01\x02")                                # bytes: a read-only buffer
    with pytest.raises(TypeError, match="argument 'a' is an array of dtype <U1"):
        bump(array.array("u", "ab"))


def test_frombuffer_reads_bytes_bytearray_and_memoryview_in_place():
    @sharpjit.jit
    def words(buf, offset):
        return np.frombuffer(buf, dtype=np.uint16, offset=offset)

    @sharpjit.jit
    def bump(buf):
        w = np.frombuffer(buf, np.int32)
        w += 1
        return w.sum()

    data = bytes(range(8))
    assert words(data, 2).tolist() == np.frombuffer(data, np.uint16, offset=2).tolist()
    assert not words(data, 0).flags.writeable        # a bytes object's memory stays read-only, as in NumPy
    raw = bytearray(8)
    assert bump(raw) == 2 and raw == bytearray(b"\x01\x00\x00\x00\x01\x00\x00\x00")
    assert bump(memoryview(raw)) == 4 and raw[0] == 2
    with pytest.raises(ValueError, match="output array is read-only"):
        bump(data)                                 # += on a read-only view: NumPy's error
    with pytest.raises(ValueError, match="aligned"):
        words(bytes(9), 1)                         # NumPy makes an unaligned array; compiled code says so instead
    with pytest.raises(ValueError, match="buffer size must be a multiple of element size"):
        words(bytes(3), 0)


def test_returned_arrays_are_ndarrays_owning_compiled_memory():
    @sharpjit.jit
    def grid(n):
        return np.arange(n * n).reshape(n, n) * 2

    g = grid(3)
    assert type(g) is np.ndarray and g.dtype == np.int64 and g.shape == (3, 3)
    assert g.tolist() == (np.arange(9).reshape(3, 3) * 2).tolist()
    g[0, 0] = 100                      # writable, and NumPy sees the compiled allocation
    assert g.sum() == 100 + 72


def test_a_returned_view_of_an_argument_is_a_view_of_it():
    @sharpjit.jit
    def inner(a):
        return a[1:-1, 1:-1]

    a = np.arange(16.0).reshape(4, 4)
    v = inner(a)
    assert np.shares_memory(v, a)
    v[0, 0] = -1
    assert a[1, 1] == -1
    del a
    gc.collect()
    assert v.tolist()[0] == [-1.0, 6.0]   # the view keeps the argument's memory alive


def test_signatures_record_dtype_ndim_layout_and_writability():
    @sharpjit.jit
    def first(a):
        return a.sum()

    first(np.zeros(3))
    first(np.zeros(3, dtype=np.float32))
    first(np.zeros((2, 2)))
    first(np.zeros((2, 3)).T)
    first(np.zeros(6)[::2])
    ro = np.zeros(3)
    ro.flags.writeable = False
    first(ro)
    names = [s[0] for s in first.signatures]
    assert names == ["array(float64, 1d, C)", "array(float32, 1d, C)", "array(float64, 2d, C)",
                     "array(float64, 2d, F)", "array(float64, 1d, A)", "array(float64, 1d, C, readonly)"]


@pytest.mark.parametrize("bad, message", [
    (np.zeros(3, dtype=np.float16), "is an array of dtype float16"),
    (np.zeros(3, dtype=object), "is an array of dtype object"),
    (np.zeros(3, dtype=">f8"), "is an array in non-native byte order"),
    (np.zeros(2, dtype=[("x", "f8")]), "is an array of dtype"),
], ids=["float16", "object", "big-endian", "structured"])
def test_unsupported_arrays_are_type_errors_naming_the_argument(bad, message):
    @sharpjit.jit
    def total(scale, a):
        return a.sum() * scale

    with pytest.raises(TypeError, match=r"total\(\) argument 'a' " + message):
        total(2.0, bad)
    assert total.signatures == []


def test_read_only_arrays_raise_numpys_value_error_on_writes():
    @sharpjit.jit
    def clear(a):
        a[0] = 0

    a = np.ones(3)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        clear(a)
    assert a[0] == 1.0


def test_errors_inside_compiled_array_code_are_the_right_python_exceptions():
    @sharpjit.jit
    def at(a, i):
        return a[i]

    with pytest.raises(IndexError, match="index 5 is out of bounds for axis 0 with size 5"):
        at(np.zeros(5), 5)

    @sharpjit.jit
    def add(a, b):
        return a + b

    with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(3,\) \(4,\) "):
        add(np.zeros(3), np.zeros(4))


def test_boundscheck_false_removes_the_checks():
    @sharpjit.jit(boundscheck=False)
    def at(a, i):
        return a[i]

    assert at(np.arange(5.0), -1) == 4.0     # negative indices still count from the end


def test_proven_loops_run_a_copy_without_bounds_checks():
    # A loop whose indices are in bounds whenever its precondition holds (here: the guard 0 < j < n - 1 and the
    # arrays' lengths) has a copy without bounds checks, which vectorises; the checked copy runs otherwise.
    @sharpjit.jit
    def laplace(a, out):
        n = len(a)
        for j in range(n):
            v = 0.0
            if 0 < j < n - 1:
                v = a[j - 1] + a[j + 1] - 2.0 * a[j]
            out[j] = v
        return out

    @sharpjit.jit
    def gather(a, idx):   # idx[j] is proven, a[idx[j]] depends on the data
        s = 0.0
        for j in range(len(idx)):
            s += a[idx[j]]
        return s

    a = np.arange(8.0) ** 2
    np.testing.assert_array_equal(laplace(a, np.zeros(8)), np.r_[0.0, np.diff(a, 2), 0.0])
    gather(a, np.array([1, 2]))
    blocks, checks = unchecked_copy(laplace)
    assert blocks and not checks
    assert "x double>" in laplace.inspect_llvm(laplace.signatures[0])
    with pytest.raises(IndexError, match="index 5 is out of bounds for axis 0 with size 5"):
        laplace(a, np.zeros(5))
    blocks, checks = unchecked_copy(gather)
    assert blocks and checks


def test_library_sorts_index_without_checks_and_user_code_keeps_them():
    # The library's sorting routines (@unchecked in numpy.py) index only positions they computed: they compile
    # without IndexError paths under the default boundscheck=True, while the user's own indexing stays checked.
    @sharpjit.jit
    def sort(x):
        return np.sort(x)

    @sharpjit.jit
    def argsort_then_index(x, i):
        return np.argsort(x)[i]

    x = np.random.default_rng(1).standard_normal(20_000)   # radix sort; the first 100 by introsort
    np.testing.assert_array_equal(sort(x), np.sort(x))
    np.testing.assert_array_equal(sort(x[:100]), np.sort(x[:100]))
    assert argsort_then_index(x, 3) == np.argsort(x, kind="stable")[3]
    assert "sj_index_error" not in sort.inspect_llvm(sort.signatures[0])

    # np.flatnonzero's and np.argwhere's loops store to a position that depends on the data (unchecked in npsearch.py)
    @sharpjit.jit
    def positions(x):
        return np.flatnonzero(x > 0), np.argwhere(x.reshape(100, 200) > 1)

    for got, want in zip(positions(x), (np.flatnonzero(x > 0), np.argwhere(x.reshape(100, 200) > 1))):
        np.testing.assert_array_equal(got, want)
    assert "sj_index_error" not in positions.inspect_llvm(positions.signatures[0])
    with pytest.raises(IndexError, match="index 20000 is out of bounds for axis 0 with size 20000"):
        argsort_then_index(x, 20_000)


def test_copies_of_reversed_rows_vectorise():
    # A copy of a view whose rows run backwards (np.flip) or forwards under a reversed outer axis has an inner loop
    # with a constant stride, whose loads are known not to alias the new array: LLVM vectorises it (a reversed wide
    # load) with no overlap checks (without them np.flip(m).copy() took 1.8x NumPy's time).
    @sharpjit.jit
    def flipped(m):
        return np.flip(m).copy(), m[::-1].copy()

    m = np.arange(12.0).reshape(3, 4)
    for got, want in zip(flipped(m), (np.flip(m).copy(), m[::-1].copy())):
        np.testing.assert_array_equal(got, want)
        assert got.flags["C_CONTIGUOUS"]
    ir = flipped.inspect_llvm(flipped.signatures[0])
    assert re.search(r"load <\d+ x double>.*!noalias", ir) and "%reverse = shufflevector" in ir


def test_broadcast_assignments_vectorise():
    # X[:, :] = x[None, :] (np.meshgrid's rows) and Y[:, :] = y[:, None] (one element per row): the assignment's
    # inner loop has versions for a contiguous and a repeated source row, with loads outside the stores' alias scope,
    # which vectorise (with the run-time strides alone the loop stayed scalar: 2.8x NumPy's time).
    @sharpjit.jit
    def grids(x, y):
        X = np.empty((y.shape[0], x.shape[0]))
        Y = np.empty((y.shape[0], x.shape[0]))
        X[:, :] = x[None, :]
        Y[:, :] = y[:, None]
        return X, Y

    x, y = np.arange(5.0), np.arange(3.0) * 10
    for got, want in zip(grids(x, y), np.meshgrid(x, y)):
        np.testing.assert_array_equal(got, want)
    ir = grids.inspect_llvm(grids.signatures[0])
    assert "copy_row" in ir and re.search(r"load <\d+ x double>.*!noalias", ir)   # the versioned row copies


def test_int64_division_by_a_constant_vectorises():
    # a // d and a % d by a constant d (not a power of two) multiply by d's reciprocal in 32-bit pieces, which vectorise,
    # where LLVM's own division by a constant stays scalar (tests/arrays/int_division_by_constant.py and
    # int_division_by_runtime_number.py: the values).
    @sharpjit.jit
    def divide(a):
        return a // 7, a % 10

    a = np.array([-(2**63), -15, -1, 0, 1, 15, 2**63 - 1])
    q, r = divide(a)
    np.testing.assert_array_equal(q, a // 7)
    np.testing.assert_array_equal(r, a % 10)
    ir = divide.inspect_llvm(divide.signatures[0])
    assert re.search(r"mul (nuw )?(nsw )?<\d+ x i64>", ir) and "sdiv" not in ir and "srem" not in ir

    # A divisor known only at run time gets its multiplier before the loop (a power of two: a shift), when positive.
    @sharpjit.jit
    def divide_by(a, k):
        return a // k, a % k

    for k in (1, 2, 7, 8, 1000, 2**62 + 1, -3, -(2**63)):
        q, r = divide_by(a, k)
        np.testing.assert_array_equal(q, a // k)
        np.testing.assert_array_equal(r, a % k)
    ir = divide_by.inspect_llvm(divide_by.signatures[0])
    assert "sj_divisor_magic" in ir and re.search(r"mul (nuw )?(nsw )?<\d+ x i64>", ir)


def test_histogram_bins_are_found_without_a_vector_float_to_int64_conversion():
    # AVX2 has no packed double-to-int64 conversion: LLVM took each lane of a vector fptosi apart, and np.histogram ran
    # at twice Numba's time there. The bin is floor(f) read from the bits of floor(f) + 2**52 instead.
    @sharpjit.jit
    def counts(x, lo, hi):
        return np.histogram(x, bins=64, range=(lo, hi))[0]

    x = np.random.default_rng(3).standard_normal(10_000)
    for data in (x, x.astype(np.float32), np.array([-4.0, -3.875, 0.0, 3.875, 4.0, np.nan, 5.0])):
        np.testing.assert_array_equal(counts(data, -4.0, 4.0), np.histogram(data, bins=64, range=(-4.0, 4.0))[0])
    ir = counts.inspect_llvm(counts.signatures[0])
    assert "x double>" in ir and not re.search(r"fptosi <\d+ x double>", ir)


def test_float32_math_calls_the_float_vector_functions():
    # NumPy's float32 loops of libm functions call libm's float forms (expf, ...), whose libmvec variants take twice
    # the lanes of the double ones; results agree with NumPy's own float32 SIMD code to a few ulps.
    @sharpjit.jit
    def math32(a, b):
        return np.exp(a), np.log(b), np.sin(a), np.cos(a), np.arctan2(a, b), np.power(b, np.float32(1.7)), np.cbrt(a), np.expm1(a)

    rng = np.random.default_rng(5)
    a = rng.uniform(-20, 20, 1000).astype(np.float32)
    b = rng.uniform(0.01, 50, 1000).astype(np.float32)
    got = math32(a, b)
    want = (np.exp(a), np.log(b), np.sin(a), np.cos(a), np.arctan2(a, b), np.power(b, np.float32(1.7)), np.cbrt(a), np.expm1(a))
    for g, w in zip(got, want):
        assert g.dtype == np.float32
        np.testing.assert_allclose(g, w, rtol=4e-7, atol=1e-37)
    ir = math32.inspect_llvm(math32.signatures[0])
    with open("/proc/cpuinfo") as f:
        avx512 = any(line.startswith("flags") and "avx512f" in line.split() for line in f)
    if avx512:   # libmvec is called only where NumPy runs SIMD code of its kind (Codegen/VectorMath.cs)
        assert re.search(r"_ZGV[bde]N\d+v_expf", ir) and re.search(r"_ZGV[bde]N\d+vv_powf", ir)


def test_complex_ufuncs_call_glibc_directly():
    # NumPy's complex exp, log, sqrt, trig and hyperbolic loops are glibc's cexp, clog, ...: compiled code calls them
    # itself (not through a runtime helper), with NumPy's bits, special values included.
    @sharpjit.jit
    def complex_math(z):
        return np.exp(z), np.log(z), np.sqrt(z), np.sin(z), np.arctanh(z)

    parts = [0.0, -0.0, 1.5, -2.0, np.inf, -np.inf, np.nan, 1e308]
    z = np.array([complex(a, b) for a in parts for b in parts])
    with np.errstate(all="ignore"):
        want = (np.exp(z), np.log(z), np.sqrt(z), np.sin(z), np.arctanh(z))
        got = complex_math(z)
    for g, w in zip(got, want):
        for gp, wp in ((g.real, w.real), (g.imag, w.imag)):
            assert np.all((gp == wp) & (np.signbit(gp) == np.signbit(wp)) | np.isnan(gp) & np.isnan(wp))
    ir = complex_math.inspect_llvm(complex_math.signatures[0])
    assert "@cexp(" in ir and "@catanh(" in ir and "sj_np_complex1" not in ir


def test_creating_and_returning_arrays_keeps_memory_flat():
    @sharpjit.jit
    def make(n):
        a = np.empty(n)
        a[:] = 1.5
        return a

    make(1000)
    for _ in range(2000):
        make(1000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(100_000):              # 800 MB if nothing were freed
        make(1000)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert after - before < 50_000, f"max RSS grew by {after - before} KiB"


def test_new_arrays_of_any_ndim_export_their_buffer_and_are_freed():
    # A returned array's base (the runtime block's owner) holds shape and strides inline up to 4 dimensions and in a
    # block of their own beyond: both are exported through the buffer protocol and freed with the owner.
    @sharpjit.jit
    def make(a):
        return a * 2.0

    for nd in range(1, 8):
        a = np.arange(float(2 ** nd)).reshape((2,) * nd)
        r = make(a)
        assert np.array_equal(r, a * 2.0) and r.flags.c_contiguous and r.flags.writeable
        view = memoryview(r.base)
        assert view.shape == r.shape and view.strides == r.strides and view.format == "d" and view.ndim == nd
        view.release()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    six = np.ones((1, 2, 1, 2, 1, 2))
    for _ in range(200_000):
        make(six)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20_000


def test_exceptions_free_arrays_made_before_them():
    @sharpjit.jit
    def fail(n):
        a = np.ones(n)
        b = a * 2
        return b[n]                        # IndexError after two allocations

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(20_000):
        with pytest.raises(IndexError):
            fail(10_000)                   # 3.2 GB if the unwind leaked them
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert after - before < 50_000, f"max RSS grew by {after - before} KiB"


def test_returned_integer_arrays_have_numpys_default_int_type():
    @sharpjit.jit
    def count(n):
        return np.arange(n), np.zeros(n, dtype=np.uint64)

    a, u = count(3)
    assert a.dtype == np.int_ and a.dtype.char == "l" and repr(a) == "array([0, 1, 2])"
    assert u.dtype == np.uint64 and u.dtype.char == "L"


def test_returning_an_argument_gives_back_the_same_object():
    @sharpjit.jit
    def same(a):
        return a

    a = np.arange(4.0)
    assert same(a) is a
    v = np.arange(8.0)[::2]
    assert same(v) is v


FAKE_BLAS = r"""
static void fill(double *p, int rows, int cols, int ld, double v) {
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) p[i * ld + j] = v;
}
void cblas_dgemm(int o, int ta, int tb, int m, int n, int k, double al, const double *a, int lda,
                 const double *b, int ldb, double be, double *c, int ldc) { fill(c, m, n, ldc, 42.0 + (ta == 112) + 2 * (tb == 112)); }
void cblas_dgemv(int o, int t, int m, int n, double al, const double *a, int lda, const double *x, int incx,
                 double be, double *y, int incy) { fill(y, t == 112 ? n : m, 1, incy, 7.0 + (t == 112)); }
void cblas_sgemm(void) {} void cblas_cgemm(void) {} void cblas_zgemm(void) {}
void cblas_sgemv(void) {} void cblas_cgemv(void) {} void cblas_zgemv(void) {}
"""

MATMUL_PROGRAM = r"""
import numpy as np, sharpjit
@sharpjit.jit
def mm(a, b):
    return a @ b
a = np.arange(6.0).reshape(2, 3)
print(mm(a, a.T).tolist(), mm(a.T, a[:, :2]).tolist(), mm(a, np.ones(3)).tolist(), mm(np.ones(2), a).tolist())
print(mm(a[:, ::2], np.ones((2, 2))).tolist())   # not a layout BLAS takes: compiled loops
"""


@pytest.mark.skipif(shutil.which("clang-19") is None, reason="needs clang-19")
def test_matrix_products_call_the_blas_library(tmp_path):
    # Compiled a @ b calls CBLAS ?gemm / ?gemv through its address (NumPy's BLAS, or the one SHARPJIT_BLAS names):
    # a stand-in library that writes marker values shows which routine ran, with which transposes.
    (tmp_path / "fake.c").write_text(FAKE_BLAS)
    subprocess.run(["clang-19", "-shared", "-fPIC", "-O1", "-o", str(tmp_path / "libfakeblas.so"), str(tmp_path / "fake.c")], check=True)

    (tmp_path / "program.py").write_text(MATMUL_PROGRAM)

    def run(blas):
        env = dict(os.environ, SHARPJIT_BLAS=blas, PYTHONPATH=os.path.join(os.path.dirname(__file__), "..", "..", "python"))
        return subprocess.run([sys.executable, str(tmp_path / "program.py")], env=env, capture_output=True, text=True, check=True).stdout

    faked = run(str(tmp_path / "libfakeblas.so")).splitlines()
    assert faked[0] == "[[44.0, 44.0], [44.0, 44.0]] [[43.0, 43.0], [43.0, 43.0], [43.0, 43.0]] [7.0, 7.0] [8.0, 8.0, 8.0]"
    assert faked[1] == "[[2.0, 2.0], [8.0, 8.0]]"
    a = np.arange(6.0).reshape(2, 3)
    real = run("none").splitlines()
    assert real[0] == f"{(a @ a.T).tolist()} {(a.T @ a[:, :2]).tolist()} {(a @ np.ones(3)).tolist()} {(np.ones(2) @ a).tolist()}"


def test_eig_of_a_real_matrix_with_complex_eigenvalues_is_rejected_when_it_runs():
    # NumPy's result would be complex128 here and float64 for real eigenvalues: compiled code keeps one type (real
    # for a real matrix, as Numba does) and says so when the values need the other.
    @sharpjit.jit
    def eigen(a):
        return np.linalg.eig(a), np.linalg.eigvals(a.T)

    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    with pytest.raises(TypeError, match=r"^np\.linalg\.eig\(\) of a real matrix with complex eigenvalues is not supported in compiled code"):
        eigen(rotation)
    (w, v), wt = eigen(rotation + 0j)
    assert w.dtype == np.complex128 and wt.dtype == np.complex128 and np.allclose(rotation @ v, v * w)
    (w, v), wt = eigen(np.array([[2.0, 1.0], [0.0, 3.0]]))
    assert w.dtype == np.float64 and v.dtype == np.float64 and w.tolist() == [2.0, 3.0]

    @sharpjit.jit
    def values(a):
        return np.linalg.eigvals(a)

    with pytest.raises(TypeError, match=r"^np\.linalg\.eigvals\(\) of a real matrix with complex eigenvalues"):
        values(rotation.astype(np.float32))


def test_lstsq_rcond_string_other_than_warn_is_numpys_type_error():
    @sharpjit.jit
    def solve(a, b, rcond):
        return np.linalg.lstsq(a, b, rcond)

    with pytest.raises(TypeError, match=r"^Cannot cast ufunc 'lstsq_m' input 2 from dtype\('<U1'\) to dtype\('float64'\)"):
        solve(np.eye(2), np.ones(2), "x")
    assert solve(np.eye(2), np.ones(2), "warn")[2] == 2


def test_cond_of_a_complex_matrix_with_p_2_is_rejected_when_it_runs():
    # NumPy's cond is real for p=2 and -2 and complex for the other orders of a complex matrix, and p is known only at
    # run time: the complex result type is kept and p=2 / -2 are refused.
    @sharpjit.jit
    def condition(a, p):
        return np.linalg.cond(a, p)

    c = np.array([[1.0, 2j], [3.0, 4.0]])
    assert condition(c, 1) == np.linalg.cond(c, 1)
    with pytest.raises(TypeError, match=r"^np\.linalg\.cond\(\) of a complex matrix with p=2 or -2 is not supported in compiled code"):
        condition(c, -2)


def test_lstsq_of_a_matrix_with_nan_or_inf_is_a_linalg_error():
    # gelsd would call LAPACK's xerbla, which NumPy replaces (its lstsq then raises this LinAlgError, or a
    # SystemError) and reference LAPACK's ends the process with: compiled code raises before calling it.
    @sharpjit.jit
    def solve(a, b):
        return np.linalg.lstsq(a, b, rcond=None)

    for bad in (np.nan, np.inf):
        with pytest.raises(np.linalg.LinAlgError, match="^SVD did not converge in Linear Least Squares$"):
            solve(np.array([[1.0, bad], [3.0, 4.0], [5.0, 7.0]]), np.ones(3))
    assert solve(np.eye(2), np.ones(2))[2] == 2


def test_float_max_and_min_vectorise_and_keep_nans():
    # np.max/np.min of floats compare plainly (LLVM's max reduction, four vector accumulators) and track NaN apart:
    # one llvm.maximum chain ran 4.4x slower than NumPy on 1,000,000 float64. A NaN anywhere (in any lane, in the
    # tail), an infinity or all -inf must still give NumPy's result.
    @sharpjit.jit
    def extremes(a):
        return a.max(), a.min()

    rng = np.random.default_rng(7)
    for dtype in (np.float64, np.float32):
        for n in (1, 7, 8, 33, 100, 257):
            base = rng.standard_normal(n).astype(dtype)
            cases = [base, np.full(n, -np.inf, dtype), np.full(n, np.inf, dtype)]
            for position in sorted({0, n // 2, n - 1}):
                for special in (np.nan, np.inf, -np.inf):
                    a = base.copy()
                    a[position] = special
                    cases.append(a)
            for a in cases:
                got, want = extremes(a), (a.max(), a.min())
                for g, w in zip(got, want):
                    assert g == w or np.isnan(g) and np.isnan(w), (a, got, want)
    ir = extremes.inspect_llvm(extremes.signatures[0])
    assert len(re.findall(r"@llvm\.maxnum\.v\d+f64\(", ir)) >= 4, ir


def test_counting_nonzero_uses_narrow_lanes_in_blocks():
    # np.count_nonzero and sums of bools count 1- and 2-byte elements in 16-bit vector lanes, in blocks of 32,767
    # that cannot overflow them (widening each bool to 64 bits ran at half NumPy's speed). Lengths around the block
    # edge, strided, reversed, Fortran and 2-d arrays, and bool bytes other than 1 must count as NumPy counts.
    @sharpjit.jit
    def counts(a):
        return np.count_nonzero(a), a.sum()

    @sharpjit.jit
    def nonzero(a):
        return np.count_nonzero(a)

    rng = np.random.default_rng(3)
    for n in (0, 1, 31, 32767, 32768, 65534, 65535, 65536, 100001, 200000):
        m = rng.random(n) < 0.9
        for a in (m, m[::3], m[::-1], np.ones(n, np.bool_)):
            assert counts(a) == (np.count_nonzero(a), a.sum())
        for dtype in (np.int8, np.uint16, np.int32, np.float64, np.complex64):
            x = (rng.integers(0, 3, n) * (rng.random(n) < 0.5)).astype(dtype)
            assert nonzero(x) == np.count_nonzero(x)
            assert nonzero(x[::2]) == np.count_nonzero(x[::2])
    m2 = rng.random((300, 250)) < 0.5
    assert counts(np.asfortranarray(m2)) == (np.count_nonzero(m2), m2.sum())
    assert counts(m2[:, ::2]) == (np.count_nonzero(m2[:, ::2]), m2[:, ::2].sum())
    odd = np.frombuffer(bytes([0, 2, 1, 255, 0, 7] * 20000), dtype=np.bool_)
    assert counts(odd) == (np.count_nonzero(odd), odd.sum())
    ir = nonzero.inspect_llvm(nonzero.signatures[0])
    assert re.search(r"add <\d+ x i16>", ir), ir


def test_mask_gathers_without_branches():
    # x[m] stores every element to the result's next free slot and keeps it by moving on only where m holds (a spare
    # slot takes the rest once all are placed): a branch per element mispredicted half the time on a random mask
    # (1,000,000 float64: 4.1 ms, now 0.8). Masks selecting nothing, everything, only the first or last element, in
    # every layout and dtype, must give NumPy's arrays.
    @sharpjit.jit
    def gather(x, m):
        return x[m]

    rng = np.random.default_rng(11)
    for dtype in (np.bool_, np.int8, np.int32, np.float64, np.complex128, np.uint64):
        for shape in ((1,), (37,), (6, 9)):
            x = (rng.standard_normal(shape) * 50).astype(dtype) if dtype != np.complex128 else \
                (rng.standard_normal(shape) + 1j * rng.standard_normal(shape))
            n = x.size
            flat_masks = [np.zeros(n, bool), np.ones(n, bool), rng.random(n) < 0.5, np.eye(1, n, 0, dtype=bool)[0],
                          np.eye(1, n, n - 1, dtype=bool)[0]]
            for fm in flat_masks:
                m = fm.reshape(shape)
                for xv, mv in ((x, m), (np.asfortranarray(x), np.asfortranarray(m)), (x[..., ::-1], m[..., ::-1]),
                               (x, np.asfortranarray(m))):
                    got, want = gather(xv, mv), xv[mv]
                    assert got.dtype == want.dtype and np.array_equal(got, want), (dtype, shape, fm)
    # no branch on a bool read from memory (x's bools are only stored)
    ir = gather.inspect_llvm(gather.signatures[0])
    bools = re.findall(r"(%\S+) = icmp (?:ne|eq) i8 %\S+, 0\n", ir)
    assert bools and not any(re.search(r"br i1 " + re.escape(b) + ",", ir) for b in bools), ir


def test_nonzero_family_without_branches_matches_numpy():
    # flatnonzero, nonzero, argwhere (every position stored to the next free slot, kept only where nonzero; the walk
    # stops at the last nonzero element) and extract/compress (the mask gather) on masks selecting nothing, everything,
    # only the first or the last element, at random; 1- to 4-d, any layout, non-bool conditions.
    @sharpjit.jit
    def family(a):
        return np.flatnonzero(a), np.nonzero(a), np.argwhere(a)

    @sharpjit.jit
    def selected(c, x):
        return np.extract(c, x), np.compress(c.ravel(), x.ravel())

    rng = np.random.default_rng(5)
    for shape in ((1,), (29,), (4, 7), (3, 1, 5), (2, 3, 2, 3)):
        n = int(np.prod(shape))
        for flat in (np.zeros(n), np.ones(n), np.eye(1, n, 0)[0], np.eye(1, n, n - 1)[0], rng.random(n) < 0.5,
                     rng.integers(-2, 3, n)):
            for a in (flat.reshape(shape), np.asfortranarray(flat.reshape(shape)), flat.reshape(shape)[..., ::-1]):
                got, want = family(a), (np.flatnonzero(a), np.nonzero(a), np.argwhere(a))
                assert np.array_equal(got[0], want[0]) and np.array_equal(got[2], want[2])
                assert len(got[1]) == len(want[1]) and all(np.array_equal(g, w) for g, w in zip(got[1], want[1]))
                x = rng.standard_normal(shape)
                got = selected(a, x)
                assert np.array_equal(got[0], np.extract(a, x)) and np.array_equal(got[1], np.compress(a.ravel(), x.ravel()))


def test_reductions_along_outer_axes_vectorise_and_match_numpy_to_the_bit():
    # Along an axis other than a C array's innermost, the results take the axis's rows one at a time over contiguous
    # memory (vectorised), each still in the axis's order from the identity, as NumPy's: sums, means, variances (with
    # ddof) equal to the bit, min/max/argmin/argmax with NaN and ties as NumPy's, empty axes, 3-d arrays, keepdims.
    @sharpjit.jit
    def outer(a):
        return (a.sum(axis=0), a.prod(axis=0), a.mean(axis=0), a.var(axis=0), a.std(axis=0, ddof=1),
                np.var(a, axis=0, ddof=7), np.sum(a, axis=0, keepdims=True))

    @sharpjit.jit
    def extremes(a):
        return a.min(axis=0), a.max(axis=0), a.argmin(axis=0), a.argmax(axis=0), np.max(a, axis=1)

    @sharpjit.jit
    def truths(a):
        return a.any(axis=0), a.all(axis=0), (a > 50).any(axis=0), (a != 0).all(axis=-2)

    def same(got, want):
        got, want = np.asarray(got), np.asarray(want)
        assert got.shape == want.shape and got.dtype == want.dtype
        assert np.array_equal(got, want, equal_nan=want.dtype.kind == "f")

    rng = np.random.default_rng(2)
    with np.errstate(all="ignore"):
        for dtype in (np.float64, np.float32, np.int64, np.int32, np.uint8, np.bool_):
            for shape in ((316, 316), (1, 5), (7, 1), (100, 3), (3, 4, 5), (2, 33, 17), (5, 0), (0, 4)):
                if dtype == np.bool_:
                    a = rng.random(shape) < 0.5
                elif np.issubdtype(dtype, np.integer):
                    a = rng.integers(0, 100, shape).astype(dtype)
                else:
                    a = rng.standard_normal(shape).astype(dtype)
                    if a.size > 6:
                        a.flat[1], a.flat[3], a.flat[5] = np.nan, -0.0, 0.0
                for g, w in zip(outer(a), (a.sum(axis=0), a.prod(axis=0), a.mean(axis=0), a.var(axis=0),
                                           a.std(axis=0, ddof=1), np.var(a, axis=0, ddof=7), np.sum(a, axis=0, keepdims=True))):
                    same(g, w)
                if a.shape[0] and a.shape[1]:
                    for g, w in zip(extremes(a), (a.min(axis=0), a.max(axis=0), a.argmin(axis=0), a.argmax(axis=0), np.max(a, axis=1))):
                        same(g, w)
                for g, w in zip(truths(a), (a.any(axis=0), a.all(axis=0), (a > 50).any(axis=0), (a != 0).all(axis=-2))):
                    same(g, w)
    ir = outer.inspect_llvm(outer.signatures[0])
    assert re.search(r"fadd <\d+ x double>", ir), ir


def test_float_to_int_casts_vectorise_and_match_numpy_in_range():
    # Float-to-int casts saturate through int64 (NaN 0) and wrap to the width, NumPy's results for every value its C
    # cast defines (negative values into unsigned types included), written as compares and selects around a plain
    # conversion: LLVM split a vector fptosi.sat into a branchy conversion per lane (5x NumPy's time).
    @sharpjit.jit
    def casts(a):
        return (a.astype(np.int8), a.astype(np.uint8), a.astype(np.int16), a.astype(np.uint16), a.astype(np.int32),
                a.astype(np.uint32), a.astype(np.int64), a.astype(np.uint64))

    rng = np.random.default_rng(4)
    values = np.concatenate([rng.uniform(-130, 300, 200), rng.uniform(-2e9, 4e9, 200), [-1.0, -0.5, 0.5, 255.9, -129.0,
                             2.0**31 - 1, -2.0**31, 2.0**32 - 1, 2.0**62, 2.0**63 + 2.0**11, 1.8e19]])
    for x in (values, values.astype(np.float32)):
        for dtype, got in zip((np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64), casts(x)):
            # where NumPy's C cast is defined: the int32 conversion for narrower types (-3e9 to int16 is 0 there)
            top = {np.uint32: 2.0**32, np.int64: 2.0**63, np.uint64: 2.0**64}.get(dtype, 2.0**31)
            fits = (x > (-2.0**63 if dtype in (np.int64, np.uint64) else -2.0**31 - 1)) & (x < top)
            with np.errstate(invalid="ignore"):
                want = x.astype(dtype)
            assert np.array_equal(got[fits], want[fits]), dtype
    # out of range: saturated through int64, NaN 0
    sat = casts(np.array([np.nan, np.inf, -np.inf, 1e300, -1e300]))
    assert list(sat[6]) == [0, 2**63 - 1, -2**63, 2**63 - 1, -2**63]
    assert list(sat[7]) == [0, 2**64 - 1, 2**63, 2**64 - 1, 2**63]
    ir = casts.inspect_llvm(casts.signatures[0])
    assert "fptosi.sat" not in ir and re.search(r"fptosi <\d+ x double>", ir), ir


def test_ufunc_reduce_of_1d_arrays_is_numpys_reduction():
    # np.add/multiply/maximum/minimum/fmax/fmin.reduce of a 1-d array take the reductions' own loops: add of floats
    # sums pairwise as NumPy does (a fold in order gave other last bits), fmax/fmin (and nanmax/nanmin) skip NaN in one
    # vectorised pass (a scalar fold took 26x NumPy's time), NaN only when every element is one.
    @sharpjit.jit
    def reductions(a):
        return (np.add.reduce(a), np.multiply.reduce(a[:40]), np.maximum.reduce(a), np.minimum.reduce(a),
                np.fmax.reduce(a), np.fmin.reduce(a), np.nanmax(a), np.nanmin(a))

    def expected(a):
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return (np.add.reduce(a), np.multiply.reduce(a[:40]), np.maximum.reduce(a), np.minimum.reduce(a),
                    np.fmax.reduce(a), np.fmin.reduce(a), np.nanmax(a), np.nanmin(a))

    rng = np.random.default_rng(9)
    for dtype in (np.float64, np.float32, np.int64, np.int8, np.uint16, np.bool_):
        for n in (1, 7, 8, 9, 100, 1000, 100001):
            a = (rng.standard_normal(n) * 100).astype(dtype)
            cases = [a, a[::-3]]
            if dtype in (np.float64, np.float32):
                for spots in ([0], [n - 1], [n // 2, n // 3], list(range(n))):
                    b = a.copy()
                    b[spots] = np.nan
                    cases.append(b)
            for x in cases:
                for got, want in zip(reductions(x), expected(x)):
                    assert got == want or np.isnan(got) and np.isnan(want), (dtype, n, got, want)


def test_contiguous_copies_are_memmove_and_match_numpy():
    # Assigning a C-contiguous array of the same dtype into a C-contiguous view (concatenate, stack, slices of rows,
    # copy) is one memmove; anything else (broadcast, strided, another dtype, overlap copied first) keeps the loop.
    @sharpjit.jit
    def assign(out, a, lo):
        out[lo:lo + a.shape[0]] = a
        return out

    @sharpjit.jit
    def shifted(a, s):
        a[s:] = a[:a.shape[0] - s]
        return a

    @sharpjit.jit
    def joined(a, b):
        return np.concatenate((a, b)), np.vstack((a, b)), np.roll(a, 3), np.roll(a, -2, axis=-1), a.copy()

    rng = np.random.default_rng(8)
    for dtype in (np.float64, np.int8, np.bool_, np.complex128):
        x = (rng.standard_normal((6, 5)) * 9).astype(dtype)
        for a in (x, x[::2], x[:, 1:], x[1:3], x.T.copy()[:5]):
            out = np.zeros((12, a.shape[1]), dtype)
            want = out.copy()
            want[2:2 + a.shape[0]] = a
            assert np.array_equal(assign(out, a, 2), want)
        assert np.array_equal(assign(np.zeros((6, 5), dtype), x[:1], 0)[0], x[0])
        y = x.ravel().copy()
        assert np.array_equal(shifted(y.copy(), 3), np.concatenate((y[:3], y[:-3])))
        for got, want in zip(joined(x, x[::-1]), (np.concatenate((x, x[::-1])), np.vstack((x, x[::-1])), np.roll(x, 3),
                                                    np.roll(x, -2, axis=-1), x.copy())):
            assert np.array_equal(got, want)
    ir = joined.inspect_llvm(joined.signatures[0])
    assert "@llvm.memmove" in ir or "memmove" in ir, ir


def test_convolve_and_correlate_without_copies_match_numpy_to_the_bit():
    # np.convolve/np.correlate of float64 run the blocked kernel on the longer array itself (no reversed copies, no
    # cast of an array already float64): NumPy's sums to the bit in every mode, strided and mixed-dtype inputs too.
    @sharpjit.jit
    def both(a, v):
        return (np.convolve(a, v), np.convolve(a, v, "same"), np.convolve(a, v, "valid"),
                np.correlate(a, v), np.correlate(a, v, "same"), np.correlate(a, v, "full"))

    rng = np.random.default_rng(12)
    for n, m in ((1, 1), (5, 3), (100, 7), (3000, 5), (5000, 33), (7, 20)):
        a = rng.standard_normal(2 * n)
        v = rng.standard_normal(m)
        for x, y in ((a[:n], v), (a[::2], v), (a[:n], v[::-1]), ((a[:n] * 10).astype(np.int32), v), (a[:n], (v * 10).astype(np.int64))):
            want = (np.convolve(x, y), np.convolve(x, y, "same"), np.convolve(x, y, "valid"),
                    np.correlate(x, y), np.correlate(x, y, "same"), np.correlate(x, y, "full"))
            for g, w in zip(both(x, y), want):
                assert g.dtype == w.dtype and np.array_equal(g, w), (n, m)


def test_histogram_weights_and_density_match_numpy_to_the_bit():
    # np.histogram(weights=, density=): NumPy 1.24's blocks of 65,536 (each block's weights summed per bin in float64,
    # cast to the weights' dtype, added), float32 data binned in float32, integer data as float64; density n/db/n.sum().
    @sharpjit.jit
    def hists(a, w):
        return (np.histogram(a, bins=20, weights=w), np.histogram(a, 7, (0.1, 0.8), weights=w),
                np.histogram(a, 5, density=True), np.histogram(a, 9, (0.0, 2.0), True, w))

    @sharpjit.jit
    def bad_weights(a, w):
        return np.histogram(a, 4, weights=w)

    rng = np.random.default_rng(13)
    with np.errstate(all="ignore"):
        for n in (1, 100, 70000, 140001):
            for dtype in (np.float64, np.float32, np.int64):
                a = (rng.random(n) * (10 if dtype == np.int64 else 1)).astype(dtype)
                for w in (rng.random(n), rng.integers(0, 5, n), rng.random(n).astype(np.float32)):
                    want = (np.histogram(a, bins=20, weights=w), np.histogram(a, 7, (0.1, 0.8), weights=w),
                            np.histogram(a, 5, density=True), np.histogram(a, 9, (0.0, 2.0), True, w))
                    for (g, ge), (h, he) in zip(hists(a, w), want):
                        assert g.dtype == h.dtype and np.array_equal(g, h, equal_nan=True) and np.array_equal(ge, he)
    with pytest.raises(ValueError, match="weights should have the same shape as a"):
        bad_weights(np.zeros(4), np.ones(3))


def test_squares_stay_multiplications_in_array_loops():
    # Array powers call libmvec's pow, except exponents LLVM folds exactly: a ** 2 is a * a (through libmvec the
    # pairwise-distance kernel took 4x its time), a ** 0.5 a square root, a ** -1 a division.
    @sharpjit.jit
    def powers(a):
        return a ** 2, a ** 2.0, np.power(a, 2), a ** -1, a ** 0.5, a ** 3.5

    a = np.linspace(-3.0, 3.0, 101)
    with np.errstate(all="ignore"):
        for got, want in zip(powers(a), (a ** 2, a ** 2.0, np.power(a, 2), a ** -1, a ** 0.5, a ** 3.5)):
            assert np.allclose(got, want, equal_nan=True, rtol=1e-15, atol=0)
    ir = powers.inspect_llvm(powers.signatures[0])
    calls = [line for line in ir.splitlines() if " call " in line and "pow(" in line]
    assert calls and all("3.500000e+00" in line for line in calls), calls   # only a ** 3.5 calls pow


def test_broadcast_expressions_vectorise_their_inner_loop_and_match_numpy():
    # A broadcasting expression whose operands are contiguous along the last axis, or all but one broadcast along it
    # (a * b[:, None], a - a.mean(axis=1, keepdims=True)), runs an innermost loop with constant strides (vectorised);
    # other strides (views, a second broadcast operand) keep the general loop nest. Results are NumPy's, in place too.
    @sharpjit.jit
    def outer(a, b, c):
        return a * b[:, None], a[:, :1] + b[None, :a.shape[0]].T, a - a.mean(axis=1, keepdims=True), c[:, None, :] - c[None, :, :]

    @sharpjit.jit
    def mixed(a, b, w):
        return a[:, None] * b[None, :] + w, a[:, None] - b[None, :] * a[:, None]

    @sharpjit.jit
    def in_place(a, b):
        a += b[:, None]
        a *= b[None, :a.shape[1]]
        return a

    rng = np.random.default_rng(21)
    for n, m in ((1, 1), (3, 5), (17, 33), (64, 3), (5, 130)):
        for dtype in (np.float64, np.float32, np.int32):
            a = (rng.standard_normal((n, m)) * 10).astype(dtype)
            b = (rng.standard_normal(max(n, m)) * 10).astype(dtype)[:n]
            c = rng.standard_normal((n, 3))
            for x in (a, a[:, ::-1], np.asfortranarray(a), a[::-1]):
                for k, (g, w) in enumerate(zip(outer(x, b, c), (x * b[:, None], x[:, :1] + b[None, :x.shape[0]].T,
                                                                x - x.mean(axis=1, keepdims=True), c[:, None, :] - c[None, :, :]))):
                    # (a mean along the rows of a reversed view agrees to rounding: README, Known differences)
                    assert g.dtype == w.dtype and (np.array_equal(g, w) or k == 2 and np.allclose(g, w, rtol=1e-5, atol=1e-5))
            v = (rng.standard_normal(m) * 3).astype(dtype)
            wts = rng.standard_normal((n, m))
            for g, w in zip(mixed(b, v, wts), (b[:, None] * v[None, :] + wts, b[:, None] - v[None, :] * b[:, None])):
                assert np.array_equal(g, w)
            if n >= m:
                bb = (rng.standard_normal(n) * 3).astype(dtype)
                want = a.copy()
                want += bb[:, None]
                want *= bb[None, :m]
                assert np.array_equal(in_place(a.copy(), bb), want)
    ir = outer.inspect_llvm(outer.signatures[0])
    assert re.search(r"fmul <\d+ x double>", ir), ir


def test_a_value_tested_against_none_in_a_loop_is_not_counted_again(make_module):
    # `if c is not None:` narrows c; an array cannot be None, so its uses take the array itself (Passes/IdentityNarrows):
    # before, the narrowed copy took and dropped an atomic reference each iteration (np.repeat with counts 3.6x slower).
    m = make_module("""
import numpy as np, sharpjit
@sharpjit.jit
def total(a, counts):
    c = counts.astype(np.int64)
    s = 0
    for i in range(a.shape[0]):
        if c is not None:
            s += c[i]
    return s
""")
    assert m.total(np.ones(5), np.arange(5)) == 10
    ir = m.total.inspect_llvm()
    ir = ir[list(ir)[0]] if isinstance(ir, dict) else ir
    assert ir.count("atomicrmw add") == 0   # no reference taken for the narrowed array


VIEW_LIFETIMES = """
import numpy as np, sharpjit


@sharpjit.jit
def column_sums(a):
    acc = np.zeros(a.shape[1])
    for i in range(a.shape[0]):
        acc += a[i]                # a borrowed row, written into acc in place: no reference counted in the loop
    return acc


@sharpjit.jit
def rows_of_a_temporary(a):
    s = 0.0
    for i in range(a.shape[0]):
        row = (a * 2.0)[i]         # the view of a temporary keeps the temporary alive until its last use
        s += row.sum() + row[0]
    return s


@sharpjit.jit
def views_kept(a):
    rows = [a[0]]
    rows.append(a[1][1:])          # kept by a list: the list takes its own reference
    pair = (a[2], a[0][:1])        # and by a tuple
    last = a[1] if a.shape[0] > 5 else a[2]   # a phi: the view keeps its own reference
    return rows, pair, last, a[0]  # returned: its own reference


@sharpjit.jit
def bump_rows(a):
    for i in range(a.shape[0]):
        a[i] += i                  # in place into a borrowed view, stored back into itself
    b = a
    b += 1                         # the same array, its in-place result unused
    return a
"""


def test_views_borrow_their_arrays_reference_while_it_is_alive(make_module):
    m = make_module(VIEW_LIFETIMES)
    a = np.arange(12.0).reshape(4, 3)
    before = _sharpjit._live_allocations()
    np.testing.assert_array_equal(m.column_sums(a), m.column_sums.py_func(a))
    assert m.rows_of_a_temporary(a) == m.rows_of_a_temporary.py_func(a)
    got, want = m.views_kept(a), m.views_kept.py_func(a)
    for g, w in zip([*got[0], *got[1], got[2], got[3]], [*want[0], *want[1], want[2], want[3]]):
        np.testing.assert_array_equal(g, w)
        assert g.base is not None   # still views of a
    np.testing.assert_array_equal(m.bump_rows(a.copy()), m.bump_rows.py_func(a.copy()))
    del got, g
    assert _sharpjit._live_allocations() == before
    ir = m.column_sums.inspect_llvm(m.column_sums.signatures[0])
    assert ir.count("atomicrmw add") == 0   # was 3 a row: the view's reference, acc's in-place result and its phi


def test_flags_are_offered_for_their_attributes_only():
    @sharpjit.jit
    def contiguity(a):
        return a.flags.c_contiguous, a.flags.f_contiguous, a.flags.writeable, a.flags.farray

    read_only = np.ones((2, 3))
    read_only.setflags(write=False)
    for a in (np.ones((2, 3)), np.ones((2, 3)).T, np.ones((2, 6))[:, ::2], read_only):
        assert contiguity(a) == contiguity.py_func(a)

    @sharpjit.jit
    def whole(a):
        return a.flags

    with pytest.raises(TypeError, match="^compiled code cannot give its flagsobj to Python: return the attributes"):
        whole(np.ones(3))

    @sharpjit.jit
    def shown(a):
        print(a.flags)

    with pytest.raises(sharpjit.errors.TypingError, match="cannot print a value of type 'flagsobj'"):
        shown(np.ones(3))

    @sharpjit.jit
    def owner(a):
        return a.flags.owndata   # not known for arrays passed in

    with pytest.raises(sharpjit.errors.TypingError, match="'flagsobj' object has no attribute 'owndata' in compiled code"):
        owner(np.ones(3))


def test_contiguous_conversions_are_typed_contiguous():
    # np.ascontiguousarray / np.asfortranarray / np.asarray(order=) of an array whose strides only the run time knows
    # are C- (Fortran-) ordered in their type, so that loops over them see unit strides (they were typed any-strided),
    # and a view where the array is already contiguous at run time.
    @sharpjit.jit
    def convert(a):
        c = np.ascontiguousarray(a)
        f = np.asfortranarray(a)
        k = np.asarray(a, order="C")
        return c, f, k

    for a in (np.arange(24.0).reshape(4, 6)[:, ::2], np.arange(24.0).reshape(4, 6)[1:], np.arange(24.0).reshape(4, 6).T[::2]):
        got, want = convert(a), convert.py_func(a)
        for g, w in zip(got, want):
            np.testing.assert_array_equal(g, w)
            assert (g.flags.c_contiguous, g.flags.f_contiguous) == (w.flags.c_contiguous, w.flags.f_contiguous)
            assert np.shares_memory(g, a) == np.shares_memory(w, a)
    text = convert.inspect_types()
    assert "; convert(array(float64, 2d, A)) -> Tuple(array(float64, 2d, C), array(float64, 2d, F), array(float64, 2d, C))" in text


def test_ctypes_data_is_the_address_of_the_first_element():
    @sharpjit.jit
    def address(a):
        return a.ctypes.data

    @sharpjit.jit
    def offset(a):
        return a[2:].ctypes.data - a.ctypes.data

    a = np.arange(6.0)
    assert address(a) == a.ctypes.data
    assert offset(a) == offset.py_func(a) == 16

    @sharpjit.jit
    def whole(a):
        return a.ctypes

    with pytest.raises(TypeError, match="^compiled code cannot give its _ctypes to Python"):
        whole(a)


def test_calls_allocate_no_managed_memory_per_row():
    # Reductions over an axis call the runtime's float sums once per row. They once allocated a closure per call (in
    # the NativeAOT build only): a (300, 300, 3) sum over the last axis made 90,000 objects a call, and the fresh heap
    # pages made the pairwise-distance kernel's first calls 15-18 ms slower than its steady 1 ms.
    @sharpjit.jit
    def row_stats(m):
        return m.sum(-1) + m.mean(axis=1) + m.std(axis=1) + m.var(axis=1) + (m * 1j).sum(axis=1).real

    @sharpjit.jit
    def pairwise(X):
        return np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))

    cases = [(row_stats, np.sin(np.arange(30_000.0)).reshape(10_000, 3)),
             (row_stats, np.sin(np.arange(30_000.0)).reshape(10_000, 3).astype(np.float32)),
             (pairwise, np.random.default_rng(0).random((300, 3)))]
    for fn, a in cases:
        fn(a)   # compiles
        before = _sharpjit._managed_bytes_allocated()
        fn(a)
        allocated = _sharpjit._managed_bytes_allocated() - before
        assert allocated < 4096, (fn.__name__, a.dtype, allocated)
