"""Exceptions through @sharpjit.jit (issue 10): try/except/finally inside compiled code, exception classes defined in
Python raised and caught on both sides of the boundary, and chained exceptions (__cause__, __context__) with their
compiled frames."""
import sys
import traceback

import pytest

SOURCE = '''
import sharpjit


class AppError(Exception):
    pass


class ParseError(AppError):
    pass


class Both(ValueError, KeyError):
    pass


@sharpjit.jit
def parse(n):
    if n < 0:
        raise ParseError(f"negative {n}")
    if n == 0:
        raise Both("zero")
    return n * 2


@sharpjit.jit
def handled(n):
    try:
        return parse(n)
    except AppError as e:
        print("app:", e)
        return -1
    except LookupError as e:
        print("lookup:", repr(e))
        return -2
    finally:
        print("finally", n)


@sharpjit.jit
def convert(n):
    try:
        return 10 // n
    except ZeroDivisionError as e:
        raise ValueError(f"cannot convert {n}") from e


@sharpjit.jit
def while_handling(n):
    try:
        return parse(n)
    except ParseError:
        raise RuntimeError("while handling")


@sharpjit.jit
def from_none(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        raise ValueError("hidden") from None


@sharpjit.jit
def several(n):
    if n == 0:
        raise ParseError("bad", n, 2.5, (1, "x"), "\U0001f600", None)
    if n == 1:
        raise KeyError(n)
    raise ValueError()


@sharpjit.jit
def args_item(k):
    try:
        raise ValueError("a", 2)
    except ValueError as e:
        return e.args[k]


@sharpjit.callback("int64(int64)")
def host_raises(n):
    raise AppError("host", n, "\U0001f600")


@sharpjit.jit
def catch_host(n):
    try:
        return host_raises(n)
    except AppError as e:
        print(e, repr(e), e.args, len(e.args), e.args[0], e.args[2])
        return -1


@sharpjit.jit
def reraise(n):
    try:
        return parse(n)
    except AppError:
        raise
'''


@pytest.fixture
def mod(make_module):
    m = make_module(SOURCE)
    sys.modules[m.__name__] = m   # as an imported module is: compiled code finds its classes by module and name
    yield m
    del sys.modules[m.__name__]


def test_try_except_finally_in_compiled_code(mod, capfd):
    assert mod.handled(4) == 8
    assert mod.handled(-3) == -1
    assert mod.handled(0) == -2   # Both derives from KeyError too: its whole MRO is matched
    assert capfd.readouterr().out == ("finally 4\napp: negative -3\nfinally -3\nlookup: Both('zero')\nfinally 0\n")


def test_python_defined_class_crosses_the_boundary(mod):
    with pytest.raises(mod.ParseError) as info:
        mod.parse(-1)
    assert type(info.value) is mod.ParseError and str(info.value) == "negative -1"
    with pytest.raises(KeyError):
        mod.parse(0)
    # A bare raise keeps the original traceback: parse's frame is in it.
    with pytest.raises(mod.AppError) as info:
        mod.reraise(-2)
    names = [f.name for f in traceback.extract_tb(info.value.__traceback__)]
    assert names[-2:] == ["reraise", "parse"]


def test_cause_and_context_are_python_exceptions_with_tracebacks(mod):
    with pytest.raises(ValueError) as info:
        mod.convert(0)
    cause = info.value.__cause__
    assert isinstance(cause, ZeroDivisionError) and info.value.__suppress_context__
    assert [f.name for f in traceback.extract_tb(cause.__traceback__)] == ["convert"]
    with pytest.raises(RuntimeError) as info:
        mod.while_handling(-5)
    context = info.value.__context__
    assert type(context) is mod.ParseError and str(context) == "negative -5" and info.value.__cause__ is None
    assert [f.name for f in traceback.extract_tb(context.__traceback__)] == ["while_handling", "parse"]
    text = "".join(traceback.format_exception(info.value))
    assert "During handling of the above exception, another exception occurred:" in text
    with pytest.raises(ValueError) as info:
        mod.from_none(0)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_exception_arguments_cross_the_boundary_as_args(mod, capfd):
    with pytest.raises(mod.ParseError) as info:
        mod.several(0)
    assert info.value.args == ("bad", 0, 2.5, (1, "x"), "\U0001f600", None)
    with pytest.raises(KeyError) as info:
        mod.several(1)
    assert info.value.args == (1,)
    with pytest.raises(ValueError) as info:
        mod.several(2)
    assert info.value.args == ()
    # A Python callback's exception with several arguments, as compiled code sees it.
    assert mod.catch_host(5) == -1
    assert capfd.readouterr().out == "('host', 5, '\U0001f600') AppError('host', 5, '\U0001f600') ('host', 5, '\U0001f600') 3 host \U0001f600\n"


def test_exception_argument_read_by_index_must_be_a_str(mod):
    assert mod.args_item(0) == "a" and mod.args_item(-2) == "a"
    with pytest.raises(TypeError, match=r"e.args\[1\] is 2, not a str"):
        mod.args_item(1)
    with pytest.raises(IndexError, match="tuple index out of range"):
        mod.args_item(2)
