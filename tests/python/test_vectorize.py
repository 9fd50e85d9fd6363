"""@sharpjit.vectorize (Numba's @vectorize): a numpy.ufunc of compiled loops from CPython, and an element-wise call with
broadcasting and out= inside compiled code (`@jit` and `sharpjit run`). Results are checked against the plain Python
function applied to each element by NumPy (np.frompyfunc), dtypes included."""
import subprocess
import warnings

import numpy as np
import pytest

import sharpjit
from sharpjit import _sharpjit
from conftest import PYTHON, REPO, module_from_source, subprocess_env

KERNELS = '''
import math
import numpy as np
import sharpjit
from sharpjit import vectorize


@vectorize(["int64(int64, int64)", "float64(float64, float64)"], identity=0)
def rem(a, b):
    return a % b


@vectorize
def hyp(x, y):
    return math.sqrt(x * x + y * y)


@sharpjit.vectorize("float32(float32)")
def halve(x):
    return x / 2


@vectorize(["float64(float64, float64)"])
def div(a, b):
    return a / b


@vectorize(["float64(float64)"])
def checked(a):
    if a < 0:
        raise ValueError("negative input " + str(a))
    return a


@vectorize(["int32(float64)"])
def truncate(x):
    return x * 10


@sharpjit.jit
def fused(x):
    return rem(x, 3) + hyp(x, x) * 2


@sharpjit.jit
def numbers():
    return rem(7, 3), rem(7.5, 2), hyp(3, 4), halve(np.float32(3))


@sharpjit.jit
def into(x, out):
    hyp(x, 1.0, out=out)
    return out


@sharpjit.jit
def raises(x):
    return checked(x)


plain_hyp = vectorize(lambda x, y: math.sqrt(x * x + y * y))


@sharpjit.jit
def calls_plain(x):
    return plain_hyp(x, x)
'''


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    return module_from_source(KERNELS, tmp_path_factory.mktemp("vectorize"), "vectorize_kernels")


def reference(ufunc, *args, dtype):
    """The plain Python function applied to each element by NumPy, cast as the ufunc's loop casts."""
    return np.frompyfunc(ufunc.py_func, len(args), 1)(*args).astype(dtype)


def check(got, expected):
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)


def test_declared_loops_are_a_numpy_ufunc(k):
    assert k.rem.types == ["ll->l", "dd->d"] and k.rem.ufunc.ntypes == 2 and k.rem.nin == 2 and k.rem.nout == 1
    assert isinstance(k.rem.ufunc, np.ufunc) and k.rem.__name__ == "rem"
    a = np.arange(-6, 7)
    check(k.rem(a, 4), reference(k.rem, a, 4, dtype=np.int64))
    check(k.rem(a * 1.5, 2.5), reference(k.rem, a * 1.5, 2.5, dtype=np.float64))
    # NumPy's loop choice: int32 casts safely to int64, a Python float beside an int array picks the float64 loop.
    check(k.rem(a.astype(np.int32), 4), reference(k.rem, a, 4, dtype=np.int64))
    check(k.rem(a, 2.5), reference(k.rem, a, 2.5, dtype=np.float64))
    with pytest.raises(TypeError, match="ufunc 'rem' not supported for the input types"):
        k.rem(a.astype(np.complex128), 3)


def test_broadcasting_strides_and_out(k):
    m = np.arange(24.0).reshape(4, 6)
    check(k.hyp(m, m[0]), reference(k.hyp, m, m[0], dtype=np.float64))
    check(k.hyp(m[:, ::3], m[::-2, 1:2].T), reference(k.hyp, m[:, ::3], m[::-2, 1:2].T, dtype=np.float64))
    out = np.empty((4, 6))
    assert k.hyp(m, 2.0, out=out) is out
    check(out, reference(k.hyp, m, 2.0, dtype=np.float64))
    check(k.halve(np.arange(5, dtype=np.float32)), np.arange(5, dtype=np.float32) / 2)
    check(k.truncate(np.array([0.15, -2.37, 7.0])), np.array([1, -23, 70], dtype=np.int32))


def test_ufunc_methods(k):
    a = np.array([100, 37, 9, 4])
    assert k.rem.reduce(a) == np.frompyfunc(k.rem.py_func, 2, 1).reduce(a, initial=0)
    check(k.rem.accumulate(a), np.array([100, 26, 8, 0]))
    check(k.rem.outer(np.arange(5), np.arange(1, 4)), reference(k.rem, np.arange(5)[:, None], np.arange(1, 4), dtype=np.int64))
    assert k.rem.reduce(np.array([], dtype=np.int64)) == 0   # identity=0
    b = np.array([10, 11, 12, 13])
    k.rem.at(b, [0, 2], 4)
    check(b, np.array([2, 11, 0, 13]))
    out = np.full(4, -1)
    k.rem(a, 5, out=out, where=a > 10)
    check(out, np.array([0, 2, -1, -1]))


def test_a_ufunc_that_cannot_raise_is_called_directly(k):
    # Its class's __call__ is the numpy.ufunc: NumPy's warnings point at the caller's line, as for NumPy's own ufuncs.
    assert type(k.div).__call__ is k.div.ufunc and type(k.checked).__call__ is not k.checked.ufunc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        k.div(np.array([1.0]), 0.0)
    assert caught and caught[0].filename == __file__


def test_lazy_loops_follow_the_inputs_dtypes(k):
    assert k.hyp(3, 4) == 5.0
    x = np.arange(4, dtype=np.float32)
    check(k.hyp(x, x), reference(k.hyp, x, x, dtype=np.float64))   # math.sqrt returns a Python float
    check(k.hyp(np.arange(3), True), reference(k.hyp, np.arange(3), True, dtype=np.float64))
    assert {"ll->d", "ff->d"} <= set(k.hyp.types)
    n = len(k.hyp.types)
    k.hyp(np.arange(3), np.arange(3))
    assert len(k.hyp.types) == n   # compiled once per dtypes


def test_numpy_error_model_and_warning(k):
    with pytest.warns(RuntimeWarning, match="divide by zero encountered in div"):
        r = k.div(np.array([1.0, -1.0, 0.0]), 0.0)
    assert r[0] == np.inf and r[1] == -np.inf and np.isnan(r[2])


def test_exception_in_kernel_is_raised(k):
    with pytest.raises(ValueError, match="negative input -2.0") as info:
        k.checked(np.array([1.0, -2.0, 3.0]))
    assert any(entry.name == "checked" for entry in info.traceback)
    check(k.checked(np.array([1.0, 2.0])), np.array([1.0, 2.0]))   # nothing left pending
    with pytest.raises(ValueError, match="negative input -1.0"):
        k.raises(np.array([-1.0]))


def test_calls_in_compiled_code(k):
    import gc
    gc.collect()
    live = sharpjit._sharpjit._live_allocations()

    def calls():
        x = np.arange(7.0)
        expected = reference(k.rem, x, 3, dtype=np.float64) + reference(k.hyp, x, x, dtype=np.float64) * 2
        np.testing.assert_array_equal(k.fused(x), expected)
        assert k.numbers() == (1, 1.5, 5.0, 1.5)
        out = np.zeros(7)
        assert k.into(x, out) is out
        check(out, reference(k.hyp, x, 1.0, dtype=np.float64))
    calls()
    gc.collect()
    assert sharpjit._sharpjit._live_allocations() == live   # what compiled code made is freed


def test_compiled_code_reads_the_decorator(k):
    with pytest.raises(sharpjit.errors.TypingError, match="decorate its definition with @sharpjit.vectorize"):
        k.calls_plain(np.arange(3.0))


def test_misuse_is_a_clear_error(make_module):
    with pytest.raises(TypeError, match="has 1 input"):
        make_module("import sharpjit\n@sharpjit.vectorize(['float64(float64)'])\ndef f(a, b):\n    return a\n")
    with pytest.raises(ValueError, match="target='cuda' is not supported"):
        make_module("import sharpjit\n@sharpjit.vectorize(['float64(float64)'], target='cuda')\ndef f(a):\n    return a\n")
    with pytest.raises(TypeError, match="positional parameters only"):
        make_module("import sharpjit\n@sharpjit.vectorize(['float64(float64)'])\ndef f(*a):\n    return a[0]\n")
    m = make_module("import sharpjit\n@sharpjit.vectorize\ndef f(a):\n    return (a, a)\n")
    with pytest.raises(TypeError, match="no loop for dtype str"):
        m.f(np.array(["x"]))
    with pytest.raises(TypeError, match="returns a tuple for \\(float64\\)"):
        m.f(np.arange(2.0))
    with pytest.raises(TypeError, match="takes from 1 to 2 positional arguments but 3 were given"):
        m.f(1.0, 2.0, 3.0)


RUN_PROGRAM = '''
import math
import numpy as np
from sharpjit import vectorize


@vectorize(["int64(int64, int64)", "float64(float64, float64)"])
def rem(a, b):
    return a % b


@vectorize
def hyp(x, y):
    return math.sqrt(x * x + y * y)


@vectorize(["float64(float64, float64)"])
def div(a, b):
    return a / b


def main():
    m = np.arange(12.0).reshape(3, 4)
    print(rem(np.arange(-4, 5), 3), rem(np.arange(5.0), 1.5), rem(np.arange(3, dtype=np.int32), 2).dtype)
    print(hyp(m, m[0]))
    print(hyp(m[:, ::2], 1.0) * 2 - rem(m[:, ::2], 2.0))
    print(hyp(3, 4), rem(7, 3), rem([1.0, 2.5], 2.0))
    out = np.zeros(4)
    hyp(m[1], 1.0, out=out)
    print(out)
    print(div(np.array([1.0, 0.0]), 0.0))
    # NumPy's choice among the declared loops (value-based for numbers beside arrays)
    print(rem(np.arange(5, dtype=np.int8), 300), rem(np.arange(5, dtype=np.float32), 2.5).dtype)
    print(rem(np.arange(4) % 2 == 0, 1), rem(np.arange(5, dtype=np.uint64), 3).dtype, rem(np.uint8(7), np.int16(4)))
    print(rem(np.arange(6.0).reshape(2, 3), np.array([[2], [4]])))


main()
'''


def test_sharpjit_run_matches_cpython(tmp_path):
    path = tmp_path / "vectorize_program.py"
    path.write_text(RUN_PROGRAM)
    expected = subprocess.run([PYTHON, "-W", "ignore", str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert expected.returncode == 0, expected.stderr
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected.stdout


def test_compile_errors_in_sharpjit_run(tmp_path):
    path = tmp_path / "vectorize_error.py"
    path.write_text("import numpy as np\nfrom sharpjit import vectorize\n\n\n@vectorize(['float32(float32)'])\n"
                    "def half(x):\n    return x / 2\n\n\nprint(half(np.arange(3)))\n")
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "line 10" in r.stderr and "ufunc 'half' not supported for the input types" in r.stderr
    path.write_text("import numpy as np\nfrom sharpjit import guvectorize\n\n\n@guvectorize(['void(float64[:], float64[:])'], '(n)->()')\n"
                    "def total(x, out):\n    out[0] = x.sum()\n\n\nprint(total(np.ones((2, 3))))\n")
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "compiled code does not call @guvectorize functions yet" in r.stderr


GU_KERNELS = '''
import numpy as np
import sharpjit
from sharpjit import guvectorize


@guvectorize(["void(float64[:], float64, float64[:])", "void(int64[:], int64, int64[:])"], "(n),()->(n)")
def add_scalar(x, y, res):
    for i in range(x.shape[0]):
        res[i] = x[i] + y


@guvectorize(["void(float64[:, :], float64[:, :], float64[:, :])"], "(m,n),(n,p)->(m,p)")
def matmul(a, b, out):
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s


@sharpjit.guvectorize("void(float64[:], float64[:], float64[:])", "(n)->(),()")
def stats(x, mean, spread):
    s = 0.0
    for v in x:
        s += v
    mean[0] = s / x.shape[0]
    spread[0] = x.max() - x.min()


@guvectorize(["void(float64[:], float64[:])"], "(n)->(n)")
def checked_copy(x, out):
    for i in range(x.shape[0]):
        if x[i] < 0:
            raise ValueError("negative at " + str(i))
        out[i] = x[i]


@guvectorize("(n),()->(n)")
def lazy_add(x, y, res):
    for i in range(x.shape[0]):
        res[i] = x[i] + y


@sharpjit.jit
def calls_gufunc(x):
    return add_scalar(x, 1.0)
'''


@pytest.fixture(scope="module")
def gu(tmp_path_factory):
    return module_from_source(GU_KERNELS, tmp_path_factory.mktemp("guvectorize"), "guvectorize_kernels")


def test_generalized_ufunc_loops_over_the_outer_dimensions(gu):
    assert gu.add_scalar.signature == "(n),()->(n)" and gu.add_scalar.types == ["dd->d", "ll->l"]
    assert gu.add_scalar.nin == 2 and gu.add_scalar.nout == 1 and isinstance(gu.add_scalar.ufunc, np.ufunc)
    a = np.arange(12.0).reshape(3, 4)
    check(gu.add_scalar(a, np.array([10.0, 20.0, 30.0])), a + np.array([10.0, 20.0, 30.0])[:, None])   # y per row of x
    check(gu.add_scalar(np.arange(5), 2), np.arange(5) + 2.0)   # NumPy picks the first loop int64 casts to
    check(gu.add_scalar(a[:, ::-2], 0.5), a[:, ::-2] + 0.5)   # strided core dimension
    out = np.zeros((3, 4))
    assert gu.add_scalar(a, 1.0, out) is out
    check(out, a + 1.0)
    m, n = np.random.default_rng(0).random((5, 3, 4)), np.random.default_rng(1).random((4, 2))
    np.testing.assert_allclose(gu.matmul(m, n), m @ n, rtol=1e-13)
    np.testing.assert_allclose(gu.matmul(m.transpose(0, 2, 1).copy().transpose(0, 2, 1), n), m @ n, rtol=1e-13)


def test_generalized_ufunc_without_signatures_compiles_per_operand_dtypes(gu):
    a = np.arange(12.0).reshape(3, 4)
    out = np.empty_like(a)
    assert gu.lazy_add(a, 2.0, out) is out
    check(out, a + 2.0)
    ints = np.empty(5, np.int64)
    check(gu.lazy_add(np.arange(5), 3, out=ints), np.arange(5) + 3)
    assert gu.lazy_add.types == ["dd->d", "ll->l"]
    gu.lazy_add(a, 1.0, out)
    assert len(gu.lazy_add.types) == 2   # compiled once per dtypes
    with pytest.raises(TypeError, match="pass its output array"):
        gu.lazy_add(a, 1.0)


def test_two_outputs_of_no_core_dimension(gu):
    x = np.random.default_rng(2).random((6, 5))
    mean, spread = gu.stats(x)
    np.testing.assert_allclose(mean, x.mean(axis=1), rtol=1e-14)
    check(spread, x.max(axis=1) - x.min(axis=1))


def test_exception_in_a_generalized_kernel(gu):
    with pytest.raises(ValueError, match="negative at 1"):
        gu.checked_copy(np.array([[1.0, 2.0], [3.0, -4.0]]))
    check(gu.checked_copy(np.array([1.0, 2.0])), np.array([1.0, 2.0]))


def test_generalized_misuse_is_a_clear_error(make_module, gu):
    with pytest.raises(TypeError, match="operand 1 is a number where the layout"):
        make_module("import sharpjit\n@sharpjit.guvectorize(['void(float64[:], float64, float64[:])'], '(n),(n)->(n)')\n"
                    "def f(a, b, c):\n    pass\n")
    with pytest.raises(TypeError, match="outputs are arrays"):
        make_module("import sharpjit\n@sharpjit.guvectorize(['void(float64[:], float64)'], '(n)->()')\ndef f(a, b):\n    pass\n")
    with pytest.raises(TypeError, match="returns nothing"):
        make_module("import sharpjit\n@sharpjit.guvectorize(['void(float64[:], float64[:])'], '(n)->(n)')\ndef f(a, b):\n    return 1.0\n")
    with pytest.raises(sharpjit.errors.TypingError, match="does not call @guvectorize functions"):
        gu.calls_gufunc(np.arange(3.0))


PARALLEL_KERNELS = '''
import sharpjit


def logistic(x, r):
    for _ in range(20):
        x = r * x * (1.0 - x)
    return x


serial = sharpjit.vectorize(["float64(float64, float64)"])(logistic)
parallel = sharpjit.vectorize(["float64(float64, float64)"], target="parallel")(logistic)


@sharpjit.vectorize(["float64(float64)"], target="parallel")
def checked(x):
    if x > 2.0:
        raise ValueError("too big: " + str(x))
    return x


@sharpjit.guvectorize(["void(float64[:], float64[:])"], "(n)->()", target="parallel")
def squares(v, out):
    s = 0.0
    for a in v:
        s += a * a
    out[0] = s
'''


def test_parallel_target_splits_the_loop_and_keeps_results(make_module):
    m = make_module(PARALLEL_KERNELS)
    x = np.random.default_rng(3).random(300_000)
    check(m.parallel(x, 3.7), m.serial(x, 3.7))           # chunks of the same loop: the same bits
    check(m.parallel(x[::3], 3.7), m.serial(x[::3], 3.7))
    y = np.random.default_rng(4).random(300_000)
    y[250_000] = 5.0                                         # in the last chunk, on a worker thread
    with pytest.raises(ValueError, match="too big: 5.0"):
        m.checked(y)
    before = _sharpjit._live_allocations()
    for _ in range(3):                                       # the message moved from the chunk is freed once
        with pytest.raises(ValueError, match="too big: 5.0"):
            m.checked(y)
    assert _sharpjit._live_allocations() == before
    check(m.checked(y[:1000]), y[:1000])
    rows = np.random.default_rng(5).random((60_000, 7))
    np.testing.assert_allclose(m.squares(rows), (rows * rows).sum(axis=1), rtol=1e-14)
