"""Compile errors (sharpjit.errors.*) and exceptions raised by compiled code (CPython's classes and messages,
with traceback frames at the compiled functions' source lines); print() interleaving."""
import inspect
import linecache
import math
import traceback

import pytest

import sharpjit
from sharpjit.errors import CompileNameError, SharpJitError, TypingError, UnsupportedError

THIS_FILE = __file__


def line_of(function, text):
    """The file line number of the first source line of function containing text."""
    lines, first = inspect.getsourcelines(function)
    for offset, line in enumerate(lines):
        if text in line:
            return first + offset
    raise AssertionError(f"{text!r} not in {function.__name__}")


def frames_of(exc):
    return [(f.name, f.filename, f.lineno, f.line) for f in traceback.extract_tb(exc.__traceback__)]


# ---------------------------------------------------------------- the error classes

def test_error_class_hierarchy():
    assert issubclass(TypingError, TypeError) and issubclass(TypingError, SharpJitError)
    assert issubclass(UnsupportedError, NotImplementedError) and issubclass(UnsupportedError, SharpJitError)
    assert issubclass(CompileNameError, NameError) and issubclass(CompileNameError, SharpJitError)


# ---------------------------------------------------------------- compile errors: file, line, caret

def _assert_report(exc, function, text, message):
    report = str(exc)
    line = line_of(function, text)
    assert f'File "{THIS_FILE}", line {line}' in report, report
    assert text in report, report
    assert "^" in report, report
    caret_lines = [l for l in report.splitlines() if l.strip() and set(l.strip()) == {"^"}]
    assert caret_lines, f"no caret line in:\n{report}"
    assert message in report, report


def test_typing_error_reports_file_line_and_caret():
    @sharpjit.jit
    def adds_tuple(t, x):
        return t + x

    with pytest.raises(TypingError) as info:
        adds_tuple((1, 2), 3)
    _assert_report(info.value, adds_tuple.py_func, "return t + x",
                   "unsupported operand type(s) for +: 'tuple' and 'int'")
    assert isinstance(info.value, TypeError)


def test_unsupported_error_reports_file_line_and_caret():
    @sharpjit.jit
    def matches(n):
        match n:
            case 1:
                return 2
        return n

    with pytest.raises(UnsupportedError) as info:
        matches(1)
    _assert_report(info.value, matches.py_func, "match n:", "'match' statements are not supported")
    assert isinstance(info.value, NotImplementedError)


def test_name_error_reports_file_line_and_caret():
    @sharpjit.jit
    def reads_undefined(n):
        return n + name_that_is_not_defined

    with pytest.raises(CompileNameError) as info:
        reads_undefined(1)
    _assert_report(info.value, reads_undefined.py_func, "name_that_is_not_defined",
                   "name 'name_that_is_not_defined' is not defined")
    assert isinstance(info.value, NameError)


def test_compile_error_leaves_the_dispatcher_usable():
    @sharpjit.jit
    def add(a, b):
        return a + b

    with pytest.raises(TypingError):
        add((1, 2), 3)
    assert add.signatures == []
    # Other types still compile and run; the failing types fail the same way again.
    assert add(1, 2) == 3
    assert add(1.5, 2) == 3.5
    with pytest.raises(TypingError, match="unsupported operand"):
        add((1, 2), 3)
    assert add.signatures == [("int64", "int64"), ("float64", "int64")]
    assert add((1,), (2.5,)) == (1, 2.5)


def test_error_in_a_callee_is_reported_at_the_callee():
    @sharpjit.jit
    def broken_callee(t):
        return t - 1

    @sharpjit.jit
    def calls_broken(t):
        return broken_callee(t)

    with pytest.raises(TypingError) as info:
        calls_broken((1, 2))
    assert "return t - 1" in str(info.value)


# ---------------------------------------------------------------- exceptions raised by compiled code

@sharpjit.jit
def _divide(a, b):
    return a // b


@sharpjit.jit
def _true_divide(a, b):
    return a / b


@sharpjit.jit
def _modulo(a, b):
    return a % b


@sharpjit.jit
def _checked_sqrt(x):
    return math.sqrt(x)


@sharpjit.jit
def _exp(x):
    return math.exp(x)


def _from_source(source, name):
    """A jitted function from source registered in linecache: pytest rewrites assert statements in this module,
    so functions whose py_func must behave like plain Python's assert are defined outside it."""
    filename = f"<sharpjit-test-errors-{name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {}
    exec(compile(source, filename, "exec"), namespace)
    return sharpjit.jit(namespace[name])


_positive = _from_source('def _positive(x):\n    assert x > 0, "x must be positive"\n    return x\n', "_positive")
_positive_no_message = _from_source("def _positive_no_message(x):\n    assert x > 0\n    return x\n",
                                    "_positive_no_message")


@sharpjit.jit
def _validated(x):
    if x > 100:
        raise ValueError(f"too big: {x}")
    if x < -100:
        raise OverflowError("too small")
    return x


@sharpjit.jit
def _item(t, i):
    return t[i]


@sharpjit.jit
def _to_int(x):
    return int(x)


CASES = [
    ("int-floordiv-zero", _divide, (1, 0)),
    ("float-floordiv-zero", _divide, (1.0, 0.0)),
    ("int-truediv-zero", _true_divide, (1, 0)),
    ("float-truediv-zero", _true_divide, (1.5, 0.0)),
    ("complex-truediv-zero", _true_divide, (1j, 0j)),
    ("int-mod-zero", _modulo, (5, 0)),
    ("float-mod-zero", _modulo, (5.0, 0.0)),
    ("sqrt-domain", _checked_sqrt, (-1.0,)),
    ("exp-range", _exp, (1000.0,)),
    ("assert-message", _positive, (-1,)),
    ("assert-no-message", _positive_no_message, (-1,)),
    ("raise-fstring", _validated, (101,)),
    ("raise-overflow", _validated, (-101,)),
    ("tuple-index", _item, ((1, 2, 3), 5)),
    ("int-of-inf", _to_int, (math.inf,)),
    ("int-of-nan", _to_int, (math.nan,)),
]


@pytest.mark.parametrize("function, args", [pytest.param(f, a, id=i) for i, f, a in CASES])
def test_exception_class_and_message_match_cpython(function, args):
    with pytest.raises(Exception) as expected:
        function.py_func(*args)
    with pytest.raises(Exception) as got:
        function(*args)
    assert type(got.value) is type(expected.value)
    assert got.value.args == expected.value.args


@pytest.mark.parametrize("function, args", [pytest.param(f, a, id=i) for i, f, a in CASES])
def test_exception_traceback_points_at_the_compiled_line(function, args):
    with pytest.raises(Exception) as expected:
        function.py_func(*args)
    with pytest.raises(Exception) as got:
        function(*args)
    # The innermost frame: the compiled function, this file, the line Python itself raises on, its text.
    python_frame = frames_of(expected.value)[-1]
    compiled_frame = frames_of(got.value)[-1]
    assert compiled_frame == python_frame


def test_exception_two_jit_levels_deep_shows_both_frames():
    @sharpjit.jit
    def inner_level(a, b):
        return a % b

    @sharpjit.jit
    def outer_level(a, b):
        total = 0
        for i in range(3):
            total += inner_level(a, b - i)
        return total

    with pytest.raises(ZeroDivisionError) as info:
        outer_level(7, 2)
    assert str(info.value) == "integer modulo by zero"  # CPython 3.11's message for %
    compiled = [f for f in frames_of(info.value) if f[0] in ("outer_level", "inner_level")]
    assert compiled == [
        ("outer_level", THIS_FILE, line_of(outer_level.py_func, "total += inner_level"), "total += inner_level(a, b - i)"),
        ("inner_level", THIS_FILE, line_of(inner_level.py_func, "return a % b"), "return a % b"),
    ]


def test_exception_in_nested_function_and_lambda_has_python_frames():
    @sharpjit.jit
    def through_nested(x):
        def helper(y):
            return 1 // y
        return helper(x)

    @sharpjit.jit
    def through_lambda(x):
        reciprocal = lambda y: 1 // y
        return reciprocal(x)

    for function in (through_nested, through_lambda):
        with pytest.raises(ZeroDivisionError) as python_info:
            function.py_func(0)
        with pytest.raises(ZeroDivisionError) as info:
            function(0)
        # Everything below this test's own frame: the same (name, file, line, text) as CPython's.
        assert frames_of(info.value)[1:] == frames_of(python_info.value)[1:]
        assert len(frames_of(info.value)) == 3


def test_formatted_traceback_shows_compiled_source_lines():
    with pytest.raises(ZeroDivisionError) as info:
        _divide(1, 0)
    text = "".join(traceback.format_exception(info.value))
    assert f'File "{THIS_FILE}", line {line_of(_divide.py_func, "return a // b")}, in _divide' in text
    assert "return a // b" in text
    assert text.rstrip().endswith("ZeroDivisionError: integer division or modulo by zero")


def test_exception_leaves_the_function_usable():
    with pytest.raises(ZeroDivisionError):
        _divide(7, 0)
    assert _divide(7, 2) == 3
    with pytest.raises(ZeroDivisionError):
        _divide(7, 0)
    assert _divide(-7, 2) == -4


def test_exception_can_be_caught_and_chained_in_python():
    try:
        _checked_sqrt(-4.0)
    except ValueError as e:
        caught = e
    assert str(caught) == "math domain error"
    with pytest.raises(RuntimeError) as info:
        try:
            _divide(1, 0)
        except ZeroDivisionError as e:
            raise RuntimeError("wrapped") from e
    assert isinstance(info.value.__cause__, ZeroDivisionError)


# ---------------------------------------------------------------- print() from compiled code

def test_compiled_print_interleaves_with_python_print(capsys):
    @sharpjit.jit
    def report(x):
        print("compiled", x, x / 2, (x, None))
        print(x, 2.5, sep="|", end="!\n")
        return x + 1

    print("python before")
    result = report(3)
    print("python after", result)
    assert capsys.readouterr().out == "python before\ncompiled 3 1.5 (3, None)\n3|2.5!\npython after 4\n"


def test_compiled_print_from_nogil_function_interleaves(capsys):
    @sharpjit.jit(nogil=True)
    def loud(n):
        for i in range(n):
            print("step", i)
        return n

    print("start")
    loud(2)
    print("middle")
    loud(1)
    print("end")
    assert capsys.readouterr().out == "start\nstep 0\nstep 1\nmiddle\nstep 0\nend\n"


def test_print_before_an_exception_is_not_lost(capsys):
    @sharpjit.jit
    def talk_then_fail(x):
        print("about to divide", x)
        return 1 // x

    print("first")
    with pytest.raises(ZeroDivisionError):
        talk_then_fail(0)
    print("last")
    assert capsys.readouterr().out == "first\nabout to divide 0\nlast\n"


def test_unbounded_recursion_is_a_recursion_error_not_a_crash(make_module):
    mod = make_module(
        "import sharpjit\n"
        "@sharpjit.jit\n"
        "def depth(n):\n"
        "    return 0 if n == 0 else 1 + depth(n - 1)\n"
        "@sharpjit.jit\n"
        "def twice(n):\n"
        "    return depth(n) * 2\n")
    assert mod.depth(500) == 500 and mod.twice(10) == 20
    with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
        mod.depth(10**7)
    with pytest.raises(RecursionError):
        mod.twice(10**7)
    assert mod.depth(7) == 7  # the dispatcher still works afterwards
