"""What compiled code sees: module globals (frozen at compile time), closures, nested functions, lambdas, other
@jit functions, recursion, math/cmath, exec'd source, and the errors for values it cannot use."""
import cmath
import inspect
import linecache
import math
import textwrap
from math import sqrt

import pytest

import sharpjit
from sharpjit.errors import SharpJitError, TypingError

SCALE = 3
RATE = 0.25
OFFSETS = (1, 2.5, (3, None))
NAMES = ["a", "b"]


# ---------------------------------------------------------------- module globals

def test_module_constants_of_every_kind():
    @sharpjit.jit
    def uses_constants(x):
        return x * SCALE + RATE, OFFSETS

    assert uses_constants(2) == uses_constants.py_func(2) == (6.25, (1, 2.5, (3, None)))


def test_module_globals_are_frozen_at_first_compile(make_module):
    module = make_module(textwrap.dedent("""
        import sharpjit
        LIMIT = 10
        FACTOR = 1.5
        SHAPE = (2, 3)

        @sharpjit.jit
        def read_globals(x):
            return x + LIMIT, x * FACTOR, SHAPE
    """))
    assert module.read_globals(1) == (11, 1.5, (2, 3))
    module.LIMIT, module.FACTOR, module.SHAPE = 1000, 0.0, (0, 0)
    # Same signature: the compiled version keeps the values it was compiled with (as Numba does).
    assert module.read_globals(1) == (11, 1.5, (2, 3))
    assert module.read_globals.py_func(1) == (1001, 0.0, (0, 0))


def test_global_defined_after_the_function_is_seen_at_first_call(make_module):
    module = make_module(textwrap.dedent("""
        import sharpjit

        @sharpjit.jit
        def uses_later(x):
            return x * LATER

        LATER = 4
    """))
    assert module.uses_later(2) == 8


def test_int_global_beyond_int64_is_an_error(make_module):
    module = make_module("import sharpjit\nHUGE = 2 ** 70\n\n@sharpjit.jit\ndef f(x):\n    return x + HUGE\n")
    with pytest.raises(SharpJitError, match="HUGE"):
        module.f(1)


def test_list_global_is_a_typing_error_naming_it():
    @sharpjit.jit
    def reads_list(i):
        return NAMES[i]

    with pytest.raises(TypingError, match=r"'NAMES' is a list"):
        reads_list(0)


def test_module_that_is_not_math_is_a_typing_error_naming_it():
    @sharpjit.jit
    def reads_inspect(x):
        return inspect.isfunction(x)

    with pytest.raises(SharpJitError, match="inspect"):
        reads_inspect(1)


def test_plain_python_function_call_says_to_decorate_it():
    def not_compiled(x):
        return x + 1

    @sharpjit.jit
    def calls_plain(x):
        return not_compiled(x)

    with pytest.raises(TypingError, match=r"not_compiled.*decorate it with @sharpjit\.jit"):
        calls_plain(1)


# ---------------------------------------------------------------- closures, nested functions, lambdas

def _make_affine(a, b):
    @sharpjit.jit
    def affine(x):
        return a * x + b
    return affine


def test_closure_variables_are_captured_per_closure():
    double_plus_one = _make_affine(2, 1)
    half = _make_affine(0.5, 0.0)
    assert double_plus_one(10) == 21
    assert half(10) == 5.0
    assert double_plus_one(10) == 21


def test_closure_over_tuple_and_complex():
    point = (1.5, -2)
    rotation = 1j

    @sharpjit.jit
    def rotate(scale):
        return complex(point[0], point[1]) * rotation * scale

    assert rotate(2) == rotate.py_func(2)


def test_nested_function_inside_compiled_code():
    @sharpjit.jit
    def sum_of_squares(n):
        def square(k):
            return k * k

        total = 0
        for i in range(n):
            total += square(i)
        return total

    assert sum_of_squares(10) == sum_of_squares.py_func(10) == 285


def test_nested_closure_over_parameter():
    @sharpjit.jit
    def scaled_sum(n, factor):
        def scaled(k):
            return k * factor

        total = 0.0
        for i in range(n):
            total += scaled(i)
        return total

    assert scaled_sum(5, 0.5) == scaled_sum.py_func(5, 0.5)


def test_lambda():
    f = sharpjit.jit(lambda x: x * 2)
    assert f(21) == 42
    assert f(1.25) == 2.5
    assert f.__name__ == "<lambda>"


def test_two_lambdas_on_one_line_each_compile_their_own_body():
    # The source of a lambda is its whole line; each dispatcher must compile its own lambda, not the first one.
    increment, decrement = sharpjit.jit(lambda a: a + 1), sharpjit.jit(lambda a: a - 1)
    assert increment(3) == 4
    assert decrement(3) == 2


def test_lambda_with_default_argument():
    power = sharpjit.jit(lambda a, b=2: a ** b)
    assert power(3) == 9
    assert power(2, b=5) == 32


def test_lambda_inside_compiled_code():
    @sharpjit.jit
    def apply_twice(x):
        inc = lambda v: v + 1
        return inc(inc(x))

    assert apply_twice(1) == 3


# ---------------------------------------------------------------- calls between compiled functions, recursion

@sharpjit.jit
def _callee(x):
    return x * x + 1


@sharpjit.jit
def _caller(x):
    return _callee(x) + _callee(x + 1)


def test_compiled_function_calls_compiled_function():
    assert _caller(3) == _caller.py_func(3) == 27
    assert _caller(0.5) == _caller.py_func(0.5)


def test_callee_still_callable_from_python():
    assert _callee(4) == 17


def test_self_recursion():
    @sharpjit.jit
    def fib(n):
        if n < 2:
            return n
        return fib(n - 1) + fib(n - 2)

    assert fib(20) == 6765


@sharpjit.jit
def _is_even(n):
    return True if n == 0 else _is_odd(n - 1)


@sharpjit.jit
def _is_odd(n):
    return False if n == 0 else _is_even(n - 1)


def test_mutual_recursion_between_two_jit_functions():
    assert [_is_even(n) for n in range(6)] == [True, False, True, False, True, False]
    assert _is_odd(7) is True


def test_recursion_returning_float():
    @sharpjit.jit
    def power(x, n):
        if n == 0:
            return 1.0
        return x * power(x, n - 1)

    assert power(2, 10) == 1024.0


# ---------------------------------------------------------------- math and cmath

def test_math_module():
    @sharpjit.jit
    def trig(x):
        return math.sin(x) ** 2 + math.cos(x) ** 2, math.atan2(x, 1.0), math.pi, math.e, math.floor(x), math.isnan(x)

    assert trig(0.7) == trig.py_func(0.7)


@pytest.mark.parametrize("name", ["fabs", "atan", "asinh", "tanh", "erf", "erfc", "cbrt", "sin", "exp", "log1p"])
def test_math_function_as_the_whole_body(name):
    # One call of a math function that cannot fail, and nothing else that can raise in the function.
    namespace = {"math": math}
    source = f"def only_{name}(x):\n    return math.{name}(x)\n"
    filename = f"<sharpjit-test-math-{name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    f = sharpjit.jit(namespace[f"only_{name}"])
    assert f(2.5) == f.py_func(2.5)
    assert f(3) == f.py_func(3)


def test_cmath_module():
    @sharpjit.jit
    def roots(z):
        return cmath.sqrt(z), cmath.exp(z), cmath.phase(z), abs(cmath.polar(z)[0])

    for z in (-4 + 0j, 1 + 1j, 2.5j):
        assert roots(z) == roots.py_func(z)


def test_from_math_import_sqrt():
    @sharpjit.jit
    def norm(x, y):
        return sqrt(x * x + y * y)

    assert norm(3.0, 4.0) == 5.0
    assert norm(3, 4) == 5.0


def test_module_and_function_aliases():
    import math as m
    from cmath import sqrt as complex_sqrt

    @sharpjit.jit
    def aliased(x):
        return m.sqrt(x), complex_sqrt(-x)

    assert aliased(4.0) == aliased.py_func(4.0) == (2.0, 2j)


def test_import_inside_compiled_function():
    @sharpjit.jit
    def local_import(x):
        import math
        return math.sqrt(x)

    assert local_import(6.25) == 2.5


# ---------------------------------------------------------------- source from an exec'd string

def test_function_from_exec_registered_in_linecache():
    source = "def triple_plus_one(x):\n    return x * 3 + 1\n"
    filename = "<sharpjit-test-exec-linecache>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {}
    exec(compile(source, filename, "exec"), namespace)
    assert inspect.getsource(namespace["triple_plus_one"]) == source
    f = sharpjit.jit(namespace["triple_plus_one"])
    assert f(4) == 13
    assert f(0.5) == 2.5


def test_function_from_exec_without_source_is_an_unsupported_error():
    namespace = {}
    exec(compile("def hidden(x):\n    return x\n", "<sharpjit-test-no-source>", "exec"), namespace)
    with pytest.raises(NotImplementedError, match="source"):
        sharpjit.jit(namespace["hidden"])
