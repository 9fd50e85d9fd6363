"""NumPy's narrow scalar types (int8..uint64, float32, complex64) across the boundary and inside compiled code.

Result types of operators are checked against Numba itself (the typing rules we follow); values against NumPy.
"""
import itertools

import numpy as np
import pytest

import sharpjit

TYPES = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
         np.float32, np.float64, np.complex64, np.complex128]


def returned_type_name(value):
    """The compiler's type of a returned value: Python's numbers are the 64-bit types, NumPy's keep their name."""
    if isinstance(value, np.generic):
        return value.dtype.name
    return {bool: "bool", int: "int64", float: "float64", complex: "complex128"}[type(value)]


@pytest.fixture(scope="module")
def numba_types():
    numba = pytest.importorskip("numba")

    def result_type(fn, a, b):
        fn(a, b)
        return str(fn.overloads[fn.signatures[-1]].signature.return_type)
    return numba, result_type


@pytest.mark.parametrize("op", ["+", "/", "//"])
def test_operator_result_types_match_numba(op, numba_types, tmp_path):
    numba, numba_result = numba_types
    mismatches = []
    jitted = _jit_from_file(op, tmp_path)
    numba_fn = numba.njit(jitted.py_func)
    for ta, tb in itertools.product(TYPES, TYPES):
        if op == "//" and (ta in (np.complex64, np.complex128) or tb in (np.complex64, np.complex128)):
            continue
        a, b = ta(3), tb(2)
        got = returned_type_name(jitted(a, b))
        want = numba_result(numba_fn, a, b)
        if got != want:
            mismatches.append(f"{ta.__name__} {op} {tb.__name__}: sharpjit {got}, Numba {want}")
    assert not mismatches, "\n".join(mismatches)


def _jit_from_file(op, directory):
    """A jitted `a op b` whose source lives in a real file (compiled code reads source through linecache)."""
    import importlib.util
    path = directory / "narrow_op.py"
    path.write_text(f"import sharpjit\n\n@sharpjit.jit\ndef f(a, b):\n    return a {op} b\n")
    spec = importlib.util.spec_from_file_location("narrow_op", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.f


@sharpjit.jit
def scale(x, k):
    return x * k


@sharpjit.jit
def identity(x):
    return x


@pytest.mark.parametrize("value", [np.int8(-7), np.int16(300), np.int32(-70000), np.uint8(250), np.uint16(65000),
                                   np.uint32(4000000000), np.uint64(2**64 - 1), np.float32(0.1), np.complex64(1.5 - 2j)],
                         ids=lambda v: type(v).__name__)
def test_narrow_scalars_round_trip_with_their_type(value):
    got = identity(value)
    assert type(got) is type(value) and got == value


def test_float32_arithmetic_is_single_precision():
    a, b = np.float32(0.1), np.float32(0.2)
    got = scale(a, b)
    assert type(got) is np.float32 and got == a * b
    assert scale(np.float32(0.1), 3.0) == np.float32(0.1) * 3.0  # with a Python float: float64
    assert type(scale(np.float32(0.1), 3.0)) is float


def test_explicit_narrow_signatures():
    @sharpjit.jit("float32(float32, int32)")
    def f(x, n):
        return x * n

    assert f.signatures == [("float32", "int32")]
    got = f(np.float32(1.5), np.int32(3))
    assert type(got) is np.float32 and got == np.float32(4.5)


SCALE = np.float32(0.1)


@sharpjit.jit
def times_scale(x):
    return x * SCALE, SCALE


def test_a_narrow_global_is_frozen_with_its_type():
    product, k = times_scale(np.float32(3.0))
    assert type(k) is np.float32 and k == SCALE
    assert type(product) is np.float32 and product == np.float32(3.0) * SCALE


@sharpjit.jit
def casts(x):
    return np.float32(x), np.int8(x), np.uint16(x), np.complex64(x)


def test_casts_inside_compiled_code_match_numpy():
    for x in (3.75, -2.5, 300.9):
        got = casts(x)
        want = (np.float32(x), np.array(x).astype(np.int8)[()], np.array(x).astype(np.uint16)[()], np.complex64(x))
        assert [type(g) for g in got] == [type(w) for w in want]
        assert got == want, (x, got, want)


@sharpjit.jit
def ufuncs(x):
    return np.sqrt(x), np.exp(x), np.abs(-x), np.isnan(x)


def test_ufuncs_on_float32_give_float32():
    got = ufuncs(np.float32(2.0))
    assert [type(g) for g in got] == [np.float32, np.float32, np.float32, bool]
    assert got[0] == np.sqrt(np.float32(2.0)) and got[2] == np.float32(2.0)
    assert abs(got[1] - np.exp(np.float32(2.0))) <= np.spacing(np.float32(7.4))


def test_float16_is_a_clear_type_error():
    with pytest.raises(TypeError, match="argument 'x' has type float16"):
        identity(np.float16(1.0))


@sharpjit.jit
def show(x, y):
    print(x, y, x * y)
    return f"{x}|{x!r}|{x:.3f}"


def test_printing_matches_numpy(capsys):
    args = (np.float32(0.1), np.uint64(2**64 - 1))
    got = show(*args)
    out = capsys.readouterr().out
    want = show.py_func(*args)
    assert (got, out) == (want, capsys.readouterr().out)
