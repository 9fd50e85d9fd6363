"""The decorator and the Dispatcher it returns: forms, options, signatures, results, metadata, inspection."""
import math
import textwrap

import numpy as np
import pytest

import sharpjit
from conftest import run_python


def assert_same_value(got, expected):
    """Equal with the same type all the way down (1 != 1.0 != True here); floats compared by repr (-0.0, nan)."""
    assert type(got) is type(expected), f"{got!r} ({type(got).__name__}) != {expected!r} ({type(expected).__name__})"
    if isinstance(expected, tuple):
        assert len(got) == len(expected), f"{got!r} != {expected!r}"
        for g, e in zip(got, expected):
            assert_same_value(g, e)
    elif isinstance(expected, (float, complex)):
        assert repr(got) == repr(expected)
    else:
        assert got == expected


def assert_same_as_python(dispatcher, *args, **kwargs):
    expected = dispatcher.py_func(*args, **kwargs)
    got = dispatcher(*args, **kwargs)
    assert_same_value(got, expected)
    return got


# ---------------------------------------------------------------- forms of the decorator

def test_bare_jit_returns_a_dispatcher():
    @sharpjit.jit
    def add(a, b):
        return a + b

    assert isinstance(add, sharpjit.Dispatcher)
    assert add(2, 3) == 5


def test_njit_is_the_same_decorator():
    @sharpjit.njit
    def add(a, b):
        return a + b

    assert isinstance(add, sharpjit.Dispatcher)
    assert_same_as_python(add, 2.5, 3)


def test_jit_with_empty_parentheses():
    @sharpjit.jit()
    def add(a, b):
        return a + b

    assert isinstance(add, sharpjit.Dispatcher)
    assert_same_as_python(add, 2, 3)


def test_jit_accepts_numba_options():
    @sharpjit.jit(fastmath=True, nogil=True, cache=False, boundscheck=True, error_model="python", parallel=False)
    def hypot(x, y):
        return (x * x + y * y) ** 0.5

    assert hypot(3.0, 4.0) == 5.0
    assert hypot.options["nogil"] is True


def test_njit_with_options():
    @sharpjit.njit(nogil=True)
    def twice(x):
        return 2 * x

    assert_same_as_python(twice, 21)


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="no_such_option"):
        @sharpjit.jit(no_such_option=True)
        def f(x):
            return x


def test_bad_error_model_is_a_value_error():
    with pytest.raises(ValueError, match="error_model"):
        @sharpjit.jit(error_model="fortran")
        def f(x):
            return x


def test_jit_of_a_dispatcher_wraps_the_original_function():
    @sharpjit.jit
    def inc(x):
        return x + 1

    again = sharpjit.jit(inc)
    assert again is not inc
    assert again.py_func is inc.py_func
    assert again(1) == 2


# ---------------------------------------------------------------- explicit signatures (eager compilation)

def test_signature_string_compiles_before_any_call():
    @sharpjit.jit("float64(float64, int64)")
    def scale(x, n):
        return x * n

    assert scale.signatures == [("float64", "int64")]
    assert len(scale.compile_times) == 1
    assert_same_value(scale(2.5, 4), 10.0)


def test_signature_without_return_type():
    @sharpjit.jit("(int64, int64)")
    def add(a, b):
        return a + b

    assert add.signatures == [("int64", "int64")]
    assert_same_value(add(2, 3), 5)


def test_list_of_signatures_compiles_each():
    @sharpjit.jit(["int64(int64)", "float64(float64)", "complex128(complex128)"])
    def square(x):
        return x * x

    assert square.signatures == [("int64",), ("float64",), ("complex128",)]
    assert len(square.compile_times) == 3
    assert_same_value(square(3), 9)
    assert_same_value(square(1.5), 2.25)
    assert_same_value(square(1 + 1j), 2j)


def test_tuple_types_in_signature():
    @sharpjit.jit("float64(UniTuple(float64, 2), Tuple(int64, boolean))")
    def combine(p, q):
        return p[0] + p[1] + q[0] + q[1]

    assert combine.signatures == [("Tuple(float64, float64)", "Tuple(int64, bool)")]
    assert_same_value(combine((1.0, 2.0), (3, True)), 7.0)


def test_declared_return_type_converts_the_result():
    @sharpjit.jit("float64(int64)")
    def same(x):
        return x

    assert_same_value(same(3), 3.0)


def test_explicit_signature_accepts_convertible_arguments():
    @sharpjit.jit("float64(float64, int64)")
    def scale(x, n):
        return x * n

    assert_same_value(scale(2, 3), 6.0)                          # int -> float64
    assert_same_value(scale(2.5, True), 2.5)                     # bool -> int64
    assert_same_value(scale(np.float32(0.5), np.int32(4)), 2.0)  # NumPy scalars
    assert scale.signatures == [("float64", "int64")]            # no lazy compilation


@pytest.mark.parametrize("args", [(1j, 2), (2.0, 2.5), ((1.0,), 2), (None, 1)],
                         ids=["complex-for-float", "float-for-int", "tuple-for-float", "none-for-float"])
def test_explicit_signature_rejects_other_types(args):
    @sharpjit.jit("float64(float64, int64)")
    def scale(x, n):
        return x * n

    with pytest.raises(TypeError, match="No matching definition"):
        scale(*args)
    assert scale.signatures == [("float64", "int64")]


def test_invalid_signature_text_is_a_type_error():
    with pytest.raises(TypeError, match="invalid signature"):
        @sharpjit.jit("float64(matrix)")
        def f(x):
            return x


# ---------------------------------------------------------------- lazy compilation: one version per signature

def test_signatures_after_lazy_calls():
    @sharpjit.jit
    def first(x):
        return x

    assert first.signatures == []
    for value in (1, 2.0, True, 1j, (1, 2.5), None, ((1, 2), (True,)), 7, 3.5):
        assert_same_as_python(first, value)
    assert first.signatures == [("int64",), ("float64",), ("bool",), ("complex128",),
                                ("Tuple(int64, float64)",), ("none",), ("Tuple(Tuple(int64, int64), Tuple(bool,))",)]
    assert len(first.compile_times) == len(first.signatures)
    assert all(t >= 0 for t in first.compile_times)


def test_repr_names_function_and_signatures():
    @sharpjit.jit
    def shown(x):
        return x

    shown(1)
    assert "shown" in repr(shown) and "int64" in repr(shown)


# ---------------------------------------------------------------- results of every type, against py_func

def test_int_results():
    @sharpjit.jit
    def ints(a, b):
        return a * b - a // b + a % b - (a ** 2) + (a << 3) + (b >> 1) + (a ^ b) + (a & b) - (a | b)

    for a, b in ((7, 3), (-7, 3), (7, -3), (-7, -3), (123456789, 97), (0, 5)):
        assert_same_as_python(ints, a, b)


def test_float_results():
    @sharpjit.jit
    def floats(x, y):
        return x / y + x // y + x % y + x ** 0.5 - abs(y) + round(x, 2)

    for x, y in ((7.5, 2.0), (7.5, -2.0), (1e300, 1e-5), (0.1, 0.2), (2.0, 3)):
        assert_same_as_python(floats, x, y)


def test_float_special_values():
    @sharpjit.jit
    def specials(x):
        return (x * 0.0, -x * 0.0, x - x, x * 1e308 * 10, -x * 1e308 * 10)

    assert_same_as_python(specials, 1.0)
    got = specials(math.inf)
    assert math.isnan(got[0]) and math.isnan(got[2])


def test_bool_results():
    @sharpjit.jit
    def tests(a, b):
        return (a < b, a == b, not a, a != b and b > 0, 1 < a <= b, isinstance(a, int))

    for a, b in ((1, 2), (2, 2), (0, -1), (3.5, 3.5), (True, False)):
        assert_same_as_python(tests, a, b)


def test_complex_results():
    @sharpjit.jit
    def cplx(z, w):
        return (z * w, z / w, z + 1, -z, z.conjugate(), abs(z), z.real, z.imag, complex(1.5, -2))

    for z, w in ((1 + 2j, 3 - 1j), (-0.5j, 2j), (1j, 1 + 0j)):
        assert_same_as_python(cplx, z, w)


def test_none_results():
    @sharpjit.jit
    def nothing(x):
        if x > 0:
            return None
        return None

    @sharpjit.jit
    def no_return(x):
        x += 1

    assert_same_as_python(nothing, 1)
    assert_same_as_python(nothing, -1)
    assert_same_as_python(no_return, 1)


def test_nested_tuple_results():
    @sharpjit.jit
    def nested(a, b):
        return ((a, b), (a + b, (a * b, None, True)), 1j * a, ())

    assert_same_as_python(nested, 2, 3)
    assert_same_as_python(nested, 2.5, 3)


def test_tuple_arguments_round_trip():
    @sharpjit.jit
    def swap(p):
        a, (b, c) = p
        return (c, b), a

    assert_same_as_python(swap, (1, (2.5, True)))
    assert_same_as_python(swap, (None, (1j, (1, 2))))


def test_int64_limits_cross_the_boundary():
    @sharpjit.jit
    def ident(x):
        return x

    assert_same_as_python(ident, 2 ** 63 - 1)
    assert_same_as_python(ident, -2 ** 63)


def test_int_argument_beyond_int64_is_an_overflow_error():
    @sharpjit.jit
    def ident(x):
        return x

    with pytest.raises(OverflowError):
        ident(2 ** 64)


# ---------------------------------------------------------------- keyword arguments and defaults

def test_keyword_arguments_and_defaults():
    @sharpjit.jit
    def poly(x, a=1, b=2.5, *, c=0):
        return a * x * x + b * x + c

    assert_same_as_python(poly, 2)
    assert_same_as_python(poly, 2, 3)
    assert_same_as_python(poly, 2, b=1)
    assert_same_as_python(poly, x=2, a=0, b=0, c=7)
    assert_same_as_python(poly, 2, c=1.5)


def test_wrong_arguments_are_python_type_errors():
    @sharpjit.jit
    def f(x, y=1):
        return x + y

    with pytest.raises(TypeError):
        f()
    with pytest.raises(TypeError):
        f(1, 2, 3)
    with pytest.raises(TypeError):
        f(1, z=2)


def test_function_without_parameters():
    @sharpjit.jit
    def answer():
        return 6 * 7

    assert_same_as_python(answer)
    assert answer.signatures == [()]


def test_star_kwargs_are_rejected_at_decoration_and_star_args_work():
    with pytest.raises(NotImplementedError, match=r"\*\*kwargs parameters are not supported"):
        @sharpjit.jit
        def f(**kwargs):
            return 1

    @sharpjit.jit
    def g(first, *rest):
        return first + len(rest)

    assert g(1) == 1 and g(1, 2.5, 3) == 3


# ---------------------------------------------------------------- metadata

def test_function_metadata_is_kept():
    def documented(x):
        """Adds one."""
        return x + 1

    jitted = sharpjit.jit(documented)
    assert jitted.py_func is documented
    assert jitted.__wrapped__ is documented
    assert jitted.__name__ == "documented"
    assert jitted.__qualname__ == documented.__qualname__
    assert jitted.__doc__ == "Adds one."
    assert jitted.__module__ == __name__


def test_inspect_signature_sees_the_python_parameters():
    import inspect

    @sharpjit.jit
    def with_defaults(a, b=2, *, c=1.5):
        return a + b + c

    assert inspect.signature(with_defaults) == inspect.signature(with_defaults.py_func)


def test_multi_line_decorator_call_and_comment_before_def():
    @sharpjit.jit(
        nogil=True,
        fastmath=False,
    )
    # A comment between the decorator and the def is part of the source inspect returns.
    def decorated(x):
        """A docstring."""
        return x + 1

    assert decorated(1) == 2
    assert decorated.__doc__ == "A docstring."


def test_jit_stacked_with_another_decorator():
    def identity(function):
        return function

    @sharpjit.jit
    @identity
    def below(x):
        return x * 2

    @identity
    @sharpjit.jit
    def above(x):
        return x * 3

    assert below(2) == 4
    assert above(2) == 6


def test_staticmethod_of_a_jit_function():
    class Holder:
        @staticmethod
        @sharpjit.jit
        def add_hundred(x):
            return x + 100

    assert Holder.add_hundred(1) == 101
    assert Holder().add_hundred(2) == 102


# ---------------------------------------------------------------- inspection

def _compiled_scale():
    @sharpjit.jit
    def scale_by(x, n):
        return x * n

    scale_by(1.5, 2)
    return scale_by


def test_inspect_llvm():
    f = _compiled_scale()
    texts = f.inspect_llvm()
    assert list(texts) == [("float64", "int64")]
    text = f.inspect_llvm(("float64", "int64"))
    assert text.strip() and "scale_by" in text and "define" in text


def test_inspect_asm():
    f = _compiled_scale()
    text = f.inspect_asm(("float64", "int64"))
    assert text.strip() and "scale_by" in text
    assert list(f.inspect_asm()) == [("float64", "int64")]


def test_inspect_types():
    f = _compiled_scale()
    text = f.inspect_types()
    assert "scale_by" in text and "float64" in text and "int64" in text
    one = f.inspect_types(("float64", "int64"))
    assert "float64" in one


def test_inspect_before_any_compile_is_empty():
    @sharpjit.jit
    def never(x):
        return x

    assert never.inspect_llvm() == {}
    assert never.inspect_asm() == {}


# ---------------------------------------------------------------- NumPy scalars and unsupported arguments

@pytest.mark.parametrize("value", [np.float64(2.5), np.int64(-7), np.int32(5), np.bool_(True), np.complex128(1 - 2j),
                                   np.float32(0.25), np.uint8(200), np.int8(-3)],
                         ids=lambda v: type(v).__name__)
def test_numpy_scalar_arguments(value):
    @sharpjit.jit
    def twice(x):
        return x + x

    got = twice(value)
    kind = value.dtype.kind
    if kind in "ib":
        expected = value.item() + value.item()  # integer arithmetic is int64 (as in Numba): a Python int
    elif kind == "u":
        expected = np.uint64(value.item() * 2)  # unsigned arithmetic is uint64 (as in Numba)
    elif value.dtype.name in ("float64", "complex128"):
        expected = twice.py_func(value).item()  # np.float64 and np.complex128 come back as float and complex
    else:
        expected = twice.py_func(value)  # float32 and complex64 stay NumPy scalars, computed in their precision
    assert_same_value(got, expected)


def test_numpy_64_bit_scalars_share_the_builtin_signature():
    @sharpjit.jit
    def half(x):
        return x / 2

    half(np.float64(3.0))
    half(3.0)
    half(np.int64(3))
    half(3)
    half(np.int32(3))  # narrower types are types of their own
    half(np.int32(5))
    assert half.signatures == [("float64",), ("int64",), ("int32",)]


def test_numpy_scalars_inside_tuples():
    @sharpjit.jit
    def total(t):
        return t[0] + t[1]

    assert_same_value(total((np.int32(2), np.float64(0.5))), 2.5)


@pytest.mark.parametrize("bad", [iter([1, 2]), object()], ids=["list_iterator", "object"])
def test_unsupported_argument_is_a_type_error_naming_it(bad):
    @sharpjit.jit
    def add(first, second):
        return first + second

    with pytest.raises(TypeError, match=r"add\(\) argument 'second' has type " + type(bad).__name__):
        add(1, bad)
    with pytest.raises(TypeError, match="'first'"):
        add(bad, 1)
    assert add.signatures == []
    assert add(1, 2) == 3


def test_unsupported_value_inside_a_tuple_is_a_type_error():
    @sharpjit.jit
    def first(t):
        return t[0]

    with pytest.raises(TypeError, match="bytearray"):
        first((1, bytearray(b"ab")))


# ---------------------------------------------------------------- SHARPJIT_DISABLE_JIT

_DISABLE_PROBE = textwrap.dedent("""
    import types
    import sharpjit

    @sharpjit.jit
    def f(x):
        return x + 1

    @sharpjit.jit("int64(int64)", nogil=True)
    def g(x):
        return x + 1

    print(type(f).__name__, type(g).__name__, isinstance(f, types.FunctionType), f(1), g(2))
""")


def test_disable_jit_environment_variable_returns_plain_functions(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(_DISABLE_PROBE)
    result = run_python([probe], SHARPJIT_DISABLE_JIT="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "function function True 2 3\n"


def test_disable_jit_zero_keeps_compiling(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(_DISABLE_PROBE)
    result = run_python([probe], SHARPJIT_DISABLE_JIT="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Dispatcher Dispatcher False 2 3\n"
