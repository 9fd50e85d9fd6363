"""Functions passed as arguments to @sharpjit.jit functions (issue 10): other @jit functions, builtins, and math,
cmath, operator and NumPy functions. Each is typed by its identity, so a call of it is a direct call and another
function is another signature. Results are checked against the same code run by CPython."""
import cmath
import math
import operator

import numpy as np
import pytest

import sharpjit


@sharpjit.jit
def square(x):
    return x * x


@sharpjit.jit
def scaled(x, by=3):
    return x * by


def total(f, xs):
    t = 0
    for x in xs:
        t += f(x)
    return t


def combine(op, a, b):
    return op(a, b)


def compose(f, g, x):
    return f(g(x))


def first_of(fs, x):
    return fs[0](x) + fs[1](x)


def with_keyword(f, x):
    return f(x, by=2)


def identity(f):
    return f


compose_jit = sharpjit.jit(compose)


def through(f, x):
    return compose_jit(f, f, x)   # a function argument passed on to another compiled function


def jitted(fn):
    return sharpjit.jit(fn)


@pytest.mark.parametrize("f, xs", [
    (square, [1, 2, 3]),
    (abs, [1, -2, 3]),
    (math.sqrt, [1.0, 4.0, 9.0]),
    (np.sqrt, [0.5, 1.5]),
    (np.abs, [-1.5, 2.0]),
    (cmath.exp, [0j, 1j]),
    (float, [1, 2]),
    (operator.neg, [1, 2]),
])
def test_function_argument_matches_cpython(f, xs):
    plain = f.py_func if isinstance(f, sharpjit.Dispatcher) else f
    assert jitted(total)(f, xs) == total(plain, xs)


@pytest.mark.parametrize("op, a, b", [
    (operator.add, 1, 2), (operator.mul, 2.5, 2), (operator.truediv, 7, 2), (operator.floordiv, 7, 2),
    (max, 3, 4), (min, 3, 4), (pow, 2, 10), (math.hypot, 3.0, 4.0), (np.maximum, 1.0, 2.0), (divmod, 7, 2),
])
def test_binary_function_argument(op, a, b):
    assert jitted(combine)(op, a, b) == combine(op, a, b)


def test_each_function_is_its_own_signature():
    f = jitted(total)
    assert f(square, [1, 2]) == 5
    assert f(abs, [1, -2]) == 3
    assert f(square, [3]) == 9
    assert len(f.signatures) == 2


def test_functions_in_tuples_and_passed_on():
    assert jitted(first_of)((square, abs), -3) == 12
    assert jitted(compose)(square, abs, -3) == 9
    assert jitted(through)(square, 3) == 81


def test_keyword_arguments_reach_the_function():
    assert jitted(with_keyword)(scaled, 5) == 10


def test_closures_each_compile_with_their_own_value():
    def make(k):
        @sharpjit.jit
        def add_k(x):
            return x + k
        return add_k

    f = jitted(total)
    assert [f(make(k), [1, 2]) for k in range(3)] == [3, 5, 7]


def test_returned_function_is_the_object_passed_in():
    f = jitted(identity)
    assert f(square) is square
    assert f(math.sqrt) is math.sqrt


def test_plain_python_function_is_a_type_error_saying_to_decorate_it():
    def plain(x):
        return x

    with pytest.raises(TypeError, match=r"argument 'f' is the plain Python function 'plain'.*@sharpjit.jit"):
        jitted(total)(plain, [1])


def test_function_compiled_code_cannot_call_is_a_type_error():
    with pytest.raises(TypeError, match="cannot be called from compiled code"):
        jitted(total)(vars, [1])


def test_typing_error_inside_the_passed_function_names_its_line():
    @sharpjit.jit
    def bad(x):
        return x + "a"

    with pytest.raises(sharpjit.errors.TypingError, match=r"unsupported operand type\(s\) for \+: 'int' and 'str'"):
        jitted(total)(bad, [1])


def test_function_arguments_skip_the_disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SHARPJIT_CACHE_DIR", str(tmp_path))
    f = sharpjit.jit(cache=True)(total)
    assert f(square, [2]) == 4
    assert not list(tmp_path.rglob("*.so"))
    assert sharpjit.jit(cache=True)(combine)(max, 1, 2) == 2
    assert not list(tmp_path.rglob("*.so"))
    assert sharpjit.jit(cache=True)(compose)(square, square, 2) == 16
    assert sharpjit.jit(cache=True)(square.py_func)(3) == 9   # without a function argument: stored
    assert list(tmp_path.rglob("*.so"))


def returns_print():
    return print


def returns_range(n):
    return range(n)


def test_returning_a_function_not_passed_in_is_a_type_error():
    with pytest.raises(TypeError, match=r"returns the function builtin\(print\).*only functions passed in"):
        jitted(returns_print)()


def test_returning_a_value_python_cannot_receive_is_a_typing_error_not_an_internal_error():
    with pytest.raises(sharpjit.errors.TypingError, match=r"(?s)returns a value of type range.*list\(range"):
        jitted(returns_range)(3)
