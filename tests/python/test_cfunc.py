"""@sharpjit.cfunc: plain C signatures, .address / .ctypes / .native_name, libc's qsort, a C driver built by clang,
scipy.LowLevelCallable, and exceptions (printed, NaN or 0 returned)."""
import ctypes
import math
import shutil
import subprocess

import numpy as np
import pytest

import sharpjit


def test_attributes_and_call(make_module):
    m = make_module("import sharpjit\n@sharpjit.cfunc('float64(float64, float64)')\ndef f(x, y):\n    return x * y + 1.0\n")
    f = m.f
    assert isinstance(f.address, int) and f.address != 0
    assert f.native_name.startswith("f.cfunc")
    assert f(2.0, 3.0) == 7.0
    proto = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double, ctypes.c_double)
    assert proto(f.address)(1.5, 2.0) == 4.0
    assert f.ctypes.restype is ctypes.c_double
    assert "define" in f.inspect_llvm()
    assert repr(f).startswith("<sharpjit.cfunc ")


def test_narrow_and_bool_types(make_module):
    m = make_module("""
import sharpjit
@sharpjit.cfunc("int32(int32, uint8)")
def g(a, b):
    return a * 2 + b
@sharpjit.cfunc("bool(float64)")
def pos(x):
    return x > 0
@sharpjit.cfunc("float32(float32)")
def half(x):
    return x / 2
@sharpjit.cfunc("void(int64)")
def nothing(n):
    pass
@sharpjit.cfunc("float64(int64)")
def widen(n):
    return n * 3
""")
    assert m.g(-5, 255) == 245
    assert m.pos(1.0) is True and m.pos(-1.0) is False
    assert m.half(3.0) == 1.5
    assert m.nothing(3) is None
    assert m.widen(7) == 21.0


def test_qsort_with_a_compiled_comparator(make_module):
    m = make_module("""
import sharpjit
@sharpjit.cfunc("int32(CPointer(float64), CPointer(float64))")
def cmp(a, b):
    x = a[0]
    y = b[0]
    return -1 if x < y else (1 if x > y else 0)
@sharpjit.cfunc("int32(CPointer(int64), CPointer(int64))")
def by_last_digit(a, b):
    return a[0] % 10 - b[0] % 10
""")
    libc = ctypes.CDLL(None)
    libc.qsort.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p]
    values = [3.5, -1.0, 2.25, 1e10, 0.0, -7.5, 2.25]
    arr = (ctypes.c_double * len(values))(*values)
    libc.qsort(arr, len(arr), ctypes.sizeof(ctypes.c_double), m.cmp.address)
    assert list(arr) == sorted(values)
    ints = (ctypes.c_int64 * 5)(19, 42, 7, 30, 11)
    libc.qsort(ints, 5, 8, m.by_last_digit.address)
    assert [v % 10 for v in ints] == [0, 1, 2, 7, 9]


DRIVER_C = r"""
/* A C driver that takes a function pointer: composite Simpson's rule, and a table of values. */
double simpson(double (*f)(double), double a, double b, int n) {
    double h = (b - a) / n, s = f(a) + f(b);
    for (int i = 1; i < n; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
    return s * h / 3;
}
long apply_sum(long (*g)(long, long), long n) {
    long s = 0;
    for (long i = 0; i < n; i++) s += g(i, n);
    return s;
}
"""


@pytest.mark.skipif(shutil.which("clang-19") is None, reason="clang-19 is not installed")
def test_c_driver_built_by_clang(make_module, tmp_path):
    (tmp_path / "driver.c").write_text(DRIVER_C)
    so = tmp_path / "driver.so"
    subprocess.run(["clang-19", "-O2", "-shared", "-fPIC", str(tmp_path / "driver.c"), "-o", str(so)], check=True)
    lib = ctypes.CDLL(str(so))
    lib.simpson.restype = ctypes.c_double
    lib.simpson.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double, ctypes.c_int]
    lib.apply_sum.restype = ctypes.c_long
    lib.apply_sum.argtypes = [ctypes.c_void_p, ctypes.c_long]
    m = make_module("""
import math, sharpjit
@sharpjit.cfunc("float64(float64)")
def bell(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
@sharpjit.cfunc("int64(int64, int64)")
def mix(i, n):
    return (i * i) % (n + 1) - i // 3
""")
    got = lib.simpson(m.bell.address, -5.0, 5.0, 1000)
    h = 10.0 / 1000
    py = sum(m.bell.py_func(-5.0 + i * h) * (1 if i in (0, 1000) else 4 if i % 2 else 2) for i in range(1001)) * h / 3
    assert got == pytest.approx(py, rel=1e-14)
    assert got == pytest.approx(1.0, abs=1e-6)
    assert lib.apply_sum(m.mix.address, 1000) == sum(m.mix.py_func(i, 1000) for i in range(1000))


def test_scipy_low_level_callable(make_module):
    scipy = pytest.importorskip("scipy")
    from scipy import integrate
    m = make_module("""
import math, sharpjit
@sharpjit.cfunc("float64(float64)")
def integrand(x):
    return math.exp(-x * x) * math.cos(3 * x)
""")
    fast = integrate.quad(scipy.LowLevelCallable(m.integrand.ctypes), 0, 2)
    slow = integrate.quad(m.integrand.py_func, 0, 2)
    assert fast[0] == pytest.approx(slow[0], rel=1e-13)


def test_exception_prints_traceback_and_returns_nan_or_zero(make_module, capsys):
    m = make_module("""
import sharpjit
@sharpjit.cfunc("float64(float64)")
def inv(x):
    return 1.0 / x
@sharpjit.cfunc("int64(int64)")
def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n
""")
    assert math.isnan(m.inv(0.0))
    err = capsys.readouterr().err
    assert "Exception ignored in cfunc 'inv.cfunc" in err
    assert "Traceback (most recent call last):" in err
    assert "return 1.0 / x" in err
    assert err.rstrip().endswith("ZeroDivisionError: float division by zero")
    assert m.check(-4) == 0
    err = capsys.readouterr().err
    assert 'raise ValueError(f"negative: {n}")' in err
    assert err.rstrip().endswith("ValueError: negative: -4")
    assert m.check(5) == 5 and m.inv(4.0) == 0.25
    assert capsys.readouterr().err == ""


def test_bad_signatures_and_compile_errors(make_module):
    with pytest.raises(TypeError, match="unknown type 'quux'"):
        sharpjit.cfunc("float64(quux)")(lambda x: x)
    with pytest.raises(TypeError, match="takes 1 arguments but the signature"):
        sharpjit.cfunc("float64(float64, float64)")(make_module("def f(x):\n    return x\n").f)
    with pytest.raises(TypeError, match="does not convert to the declared int64"):
        sharpjit.cfunc("int64(float64)")(make_module("def f(x):\n    return x * 0.5\n").f)
    with pytest.raises(TypeError, match="complex numbers have no plain C type"):
        sharpjit.cfunc("complex128(float64)")(make_module("def f(x):\n    return x\n").f)
    with pytest.raises(sharpjit.errors.TypingError):
        sharpjit.cfunc("float64(float64)")(make_module("def f(x):\n    return x + (1, 2)\n").f)
    with pytest.raises(TypeError, match="C signature as a string"):
        sharpjit.cfunc(lambda x: x)


def test_carray_and_farray_view_the_memory_a_pointer_points_at(make_module):
    m = make_module("""
import numpy as np
import sharpjit
from sharpjit import carray, farray

@sharpjit.cfunc("float64(CPointer(float64), int64, int64)")
def weighted(p, rows, cols):
    a = carray(p, (rows, cols))
    f = farray(p, (cols, rows))
    a[0, 0] = 100.0                      # a view: the caller's memory
    return a.sum() + 10 * a[1, 0] + 1000 * f[0, 1]

@sharpjit.cfunc("int64(CPointer(int32), int64)")
def total(p, n):
    return carray(p, n, np.int32).sum()

""")
    m_data = np.arange(6.0).reshape(2, 3)
    f = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64)(m.weighted.address)
    expected = m_data.copy()
    expected[0, 0] = 100.0
    assert f(m_data.ctypes.data, 2, 3) == expected.sum() + 10 * expected[1, 0] + 1000 * expected.ravel().reshape(3, 2, order="F")[0, 1]
    assert m_data[0, 0] == 100.0
    g = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_void_p, ctypes.c_int64)(m.total.address)
    assert g(np.arange(5, dtype=np.int32).ctypes.data, 5) == 10
    with pytest.raises(sharpjit.errors.TypingError, match=r"mismatching dtype 'float64' for pointer CPointer\(int32\)"):
        make_module("""
import numpy as np
import sharpjit

@sharpjit.cfunc("int64(CPointer(int32), int64)")
def wrong(p, n):
    return sharpjit.carray(p, n, np.float64).sum()
""")
    # From Python, over a ctypes pointer, as Numba's
    p = m_data.ctypes.data_as(ctypes.POINTER(ctypes.c_double))
    assert sharpjit.carray(p, (2, 3)).tolist() == m_data.tolist()
    assert sharpjit.farray(p, (3, 2)).tolist() == m_data.ravel().reshape(3, 2, order="F").tolist()
