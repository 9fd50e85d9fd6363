"""Compiled code calling its host (issue 11, item 1): Python callables declared with @sharpjit.callback (an emitted
C-API wrapper, the callable's address baked in; exceptions cross with both tracebacks), C function pointers passed as
arguments (ctypes and cffi, typed by their C signature), and cffi functions read from globals. Each result is checked
against the same Python code run by CPython."""
import ctypes
import gc
import math
import threading
import traceback
import weakref

import pytest

import sharpjit

cffi = pytest.importorskip("cffi")


def plain_scale(x, k):
    return x * k + 0.25


scale = sharpjit.callback("float64(float64, int64)")(plain_scale)


@sharpjit.callback("bool(float64)")
def positive(x):
    return x > 0


seen = []


@sharpjit.callback("void(int64)")
def note(i):
    seen.append(i)


@sharpjit.callback("int64()")
def forty_two():
    return 42


@sharpjit.callback("float32(float32, uint64, int32)")
def narrow(x, u, i):
    return x + u + i


def uses_callbacks(n):
    s = 0.0
    for i in range(n):
        s += scale(0.5, i)
        if positive(s - 3.0):
            note(i)
    return s + forty_two()


jit_uses_callbacks = sharpjit.jit(uses_callbacks)


def test_callbacks_of_each_kind_give_what_python_gives():
    seen.clear()
    expected = uses_callbacks(20)
    expected_seen = list(seen)
    seen.clear()
    assert jit_uses_callbacks(20) == expected
    assert seen == expected_seen


def test_narrow_types_convert_as_declared():
    @sharpjit.jit
    def f(x, u, i):
        return narrow(x, u, i)
    r = f(1.5, 7, -3)
    assert r == 5.5 and type(r).__name__ == "float32"   # a float32 result comes back as NumPy's float32, as Numba returns it


def test_callback_is_still_callable_from_python():
    assert scale(2.0, 3) == plain_scale(2.0, 3)
    assert scale.__wrapped__ is plain_scale
    assert "float64(float64, int64)" in repr(scale)


class Overflowing(ValueError):
    pass


@sharpjit.callback("float64(float64)")
def checked(x):
    if x > 2:
        raise Overflowing(f"too big: {x}")
    return x


@sharpjit.jit
def sum_checked(n):
    t = 0.0
    for i in range(n):
        t += checked(float(i))
    return t


@sharpjit.jit
def sum_or_minus_one(n):
    try:
        return sum_checked(n)
    except ValueError as e:
        return -1.0 if str(e) == f"too big: {float(n - 2)}" or n > 3 else -2.0


def test_python_exception_reaches_python_as_the_same_object_with_both_tracebacks():
    with pytest.raises(Overflowing) as info:
        sum_checked(5)
    assert str(info.value) == "too big: 3.0"
    frames = [f.name for f in traceback.extract_tb(info.value.__traceback__)]
    # the caller here, the compiled frame, then the Python callback's own frame
    assert frames[-2:] == ["sum_checked", "checked"], frames


def test_raised_instance_is_the_one_python_raised():
    made = []

    @sharpjit.callback("int64(int64)")
    def fails(x):
        e = KeyError(x)
        made.append(e)
        raise e

    @sharpjit.jit
    def call(x):
        return fails(x) + 1

    with pytest.raises(KeyError) as info:
        call(7)
    assert info.value is made[0]


def test_compiled_code_catches_a_callback_exception_by_class_and_drops_it():
    assert sum_checked(3) == 3.0
    assert sum_or_minus_one(5) == -1.0

    kept = []

    @sharpjit.callback("float64(float64)")
    def fails(x):
        e = Overflowing("x")
        kept.append(weakref.ref(e))
        raise e

    @sharpjit.jit
    def caught(n):
        k = 0
        for i in range(n):
            try:
                fails(1.0)
            except Overflowing:
                k += 1
        return k

    assert caught(100) == 100
    gc.collect()
    assert all(r() is None for r in kept), "a caught callback exception was kept alive"


def test_result_that_does_not_convert_is_the_conversion_error():
    @sharpjit.callback("float64(float64)")
    def gives_text(x):
        return "text"

    @sharpjit.jit
    def call(x):
        return gives_text(x)

    with pytest.raises(TypeError, match="must be real number, not str"):
        call(1.0)


def test_callbacks_from_nogil_functions_in_threads():
    @sharpjit.callback("int64(int64)")
    def double(x):
        return 2 * x

    @sharpjit.jit(nogil=True)
    def total(n):
        s = 0
        for i in range(n):
            s += double(i)
        return s

    results = []
    threads = [threading.Thread(target=lambda: results.append(total(2000))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [2 * sum(range(2000))] * 4


SCRIPT = """import sharpjit

@sharpjit.callback("float64(float64, int64)")
def cb(x, k):
    return x * k + 1


def f(n):
    return sum(cb(0.5, i) for i in range(n))


print(f(10))
"""


def test_callback_in_a_script_runs_compiled_under_sharpjit_run(tmp_path):
    # No CPython there: the callback is compiled like any other function, so the script prints what CPython prints.
    import subprocess
    from conftest import PYTHON, REPO
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    expected = subprocess.run([PYTHON, str(script)], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "python")}).stdout
    got = subprocess.run([str(REPO / "sharpjit"), "run", str(script)], capture_output=True, text=True)
    assert got.stdout == expected and expected.strip() == "32.5", got.stderr


def test_callback_read_from_a_live_module_cannot_be_exported(tmp_path):
    import importlib.util
    path = tmp_path / "calls_back.py"
    path.write_text(SCRIPT.replace("print(f(10))", ""))
    spec = importlib.util.spec_from_file_location("calls_back", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(sharpjit.errors.UnsupportedError, match="cb is a Python callback: exported code runs with no Python"):
        sharpjit.export(module, {"f": "float64(int64)"}, str(tmp_path / "out"))


def test_bad_callback_declarations():
    with pytest.raises(TypeError, match="needs a signature"):
        sharpjit.callback(lambda x: x)
    with pytest.raises(TypeError, match="pointers cannot be passed to Python"):
        sharpjit.callback("float64(CPointer(float64))")(lambda p: 0.0)
    with pytest.raises(TypeError, match="no ctypes type"):
        sharpjit.callback("float64(blob)")(lambda p: 0.0)


# ---- C function pointers as arguments --------------------------------------------------------------------------

def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        s += f(a + (i + 0.5) * h)
    return s * h


jit_integrate = sharpjit.jit(integrate)
libm = ctypes.CDLL("libm.so.6")
ffi = cffi.FFI()
ffi.cdef("double exp(double); double cbrt(double); long labs(long);")
cffi_libm = ffi.dlopen("libm.so.6")
cffi_libc = ffi.dlopen(None)


def ctypes_function(name, restype, *argtypes):
    fn = getattr(libm, name)
    fn.restype, fn.argtypes = restype, list(argtypes)
    return fn


@pytest.mark.parametrize("make", [
    lambda: ctypes_function("cos", ctypes.c_double, ctypes.c_double),
    lambda: ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(lambda x: x * x),
    lambda: cffi_libm.exp,
    lambda: ffi.callback("double(double)", lambda x: 3 * x * x),
], ids=["ctypes library function", "ctypes callback", "cffi library function", "cffi callback"])
def test_function_pointer_arguments_give_what_python_gives(make):
    f = make()
    assert jit_integrate(f, 0.0, 1.0, 200) == integrate(f, 0.0, 1.0, 200)


def test_function_pointer_signature_is_part_of_the_type_key():
    @sharpjit.jit
    def apply(f, x):
        return f(x)
    assert apply(cffi_libm.cbrt, 27.0) == 3.0000000000000004 or apply(cffi_libm.cbrt, 27.0) == math.pow(27.0, 1 / 3) or abs(apply(cffi_libm.cbrt, 27.0) - 3.0) < 1e-15
    assert apply(cffi_libc.labs, -5) == 5
    kinds = sorted(str(s[0]) for s in apply.signatures)
    assert kinds == ["cfuncptr(float64(float64))", "cfuncptr(int64(int64))"]


def test_function_pointer_argument_errors():
    with pytest.raises(TypeError, match="argument 'f' is cffi data of type 'double \\*', which is not a function"):
        jit_integrate(ffi.new("double*"), 0.0, 1.0, 10)
    with pytest.raises(TypeError, match="without argtypes"):
        jit_integrate(libm.sin, 0.0, 1.0, 10)
    with pytest.raises(TypeError, match="a Python callback: compiled code cannot take it as an argument"):
        jit_integrate(scale, 0.0, 1.0, 10)

    @sharpjit.jit
    def wrong(f):
        return f(1.0, 2.0)
    with pytest.raises(sharpjit.errors.TypingError, match=r"the C function pointer float64\(float64\) takes 1 argument \(2 given\)"):
        wrong(ctypes_function("cos", ctypes.c_double, ctypes.c_double))


cbrt_from_cffi = cffi_libm.cbrt


def test_cffi_function_from_globals_has_its_address_baked_in():
    @sharpjit.jit
    def g(x):
        return cbrt_from_cffi(x)
    assert g(64.0) == cffi_libm.cbrt(64.0)
    ir = g.inspect_llvm()[next(iter(g.inspect_llvm()))] if isinstance(g.inspect_llvm(), dict) else g.inspect_llvm()
    address = int(ffi.cast("uintptr_t", cffi_libm.cbrt))
    assert str(address) in ir


# ---- pointer arguments: arrays passed to C by their data ------------------------------------------------------

VEC_C = r"""
double dot(const double *a, const double *b, long n) { double s = 0; for (long i = 0; i < n; i++) s += a[i] * b[i]; return s; }
void scale(double *a, long n, double k) { for (long i = 0; i < n; i++) a[i] *= k; }
"""


@pytest.fixture(scope="module")
def libvec(tmp_path_factory):
    import shutil
    import subprocess
    if shutil.which("clang-19") is None:
        pytest.skip("clang-19 is needed to build the C library")
    d = tmp_path_factory.mktemp("vec")
    (d / "vec.c").write_text(VEC_C)
    subprocess.check_call(["clang-19", "-O2", "-shared", "-fPIC", str(d / "vec.c"), "-o", str(d / "libvec.so")])
    return str(d / "libvec.so")


def test_arrays_pass_to_c_pointers_from_extern_ctypes_and_cffi(libvec):
    import numpy as np
    dot = sharpjit.extern(libvec, "dot", "float64(CPointer(float64), CPointer(float64), int64)")
    scale = ctypes.CDLL(libvec).scale
    scale.argtypes, scale.restype = [ctypes.POINTER(ctypes.c_double), ctypes.c_long, ctypes.c_double], None
    vffi = cffi.FFI()
    vffi.cdef("double dot(double *, double *, long);")
    cffi_dot = vffi.dlopen(libvec).dot

    def f(a, b):
        scale(a, len(a), 2.0)
        return dot(a, b, len(a)), cffi_dot(a, b, len(a))

    jitted = sharpjit.jit(f)
    a, b = np.arange(5.0), np.linspace(0, 1, 5)
    a2 = a.copy()
    # CPython through ctypes/cffi needs pointers made by hand; the compiled call passes the arrays' data.
    scale(a2.ctypes.data_as(ctypes.POINTER(ctypes.c_double)), len(a2), 2.0)
    expected = float(np.dot(a2, b))
    assert jitted(a, b) == (expected, expected)
    assert (a == a2).all()


def test_pointer_arguments_need_c_contiguous_arrays_of_the_type(libvec):
    import numpy as np
    dot = sharpjit.extern(libvec, "dot", "float64(CPointer(float64), CPointer(float64), int64)")

    @sharpjit.jit
    def f(a):
        return dot(a, a, len(a))
    with pytest.raises(sharpjit.errors.TypingError, match=r"must be a C-contiguous array of float64 for its C type double \*, not an array of float32"):
        f(np.ones(3, dtype=np.float32))
    with pytest.raises(sharpjit.errors.TypingError, match="not an array of float64 \\(layout A\\)"):
        f(np.ones(6)[::2])

    @sharpjit.jit
    def g(x):
        return dot(x, x, 1)
    with pytest.raises(sharpjit.errors.TypingError, match="must be a C-contiguous array of float64 for its C type double \\*, not a float"):
        g(1.5)
