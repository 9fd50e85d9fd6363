"""str through @sharpjit.jit (issue 10): arguments copied into runtime strings for the call, results returned as
Python str, methods and errors as CPython gives them, and no string leaked by either direction."""
import resource

import pytest

import sharpjit


@sharpjit.jit
def shout(s, times):
    return (s.upper() + "!") * times


@sharpjit.jit
def words(pair):
    first, second = pair
    return second + " " + first, len(first), first[-1]


@sharpjit.jit
def char_at(s, i):
    return s[i]


@sharpjit.jit
def parse_sum(a, b):
    return int(a) + float(b)


@sharpjit.jit
def keep(s):
    return s


def test_arguments_and_results():
    assert shout("héllo €", 2) == "HÉLLO €!HÉLLO €!"
    assert words(("wörld", "😀 hi")) == ("😀 hi wörld", 5, "d")
    assert keep("") == "" and keep("x") == "x"
    big = "ab€" * 10_000
    assert keep(big) == big
    assert any("str" in str(sig) for sig in keep.signatures)


def test_errors_are_cpythons():
    with pytest.raises(IndexError, match="string index out of range"):
        char_at("abc", 3)
    with pytest.raises(ValueError, match=r"invalid literal for int\(\) with base 10: 'x1'"):
        parse_sum("x1", "2")
    with pytest.raises(ValueError, match="could not convert string to float: ' nope'"):
        parse_sum("1", " nope")
    assert parse_sum(" 12 ", "0.5") == 12.5


def test_strings_compiled_code_cannot_hold_are_refused():
    with pytest.raises(ValueError, match="NUL character"):
        keep("a\x00b")
    with pytest.raises(UnicodeEncodeError):
        keep("\ud800")
    assert keep("after") == "after"   # nothing left behind by the refusals


def test_no_string_leaks_across_the_boundary():
    s = "x" * 1000
    for _ in range(2_000):   # warm up: compile, first allocations
        words((s, s))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(100_000):
        words((s, s))          # 2 strings in, 1 made, 1 character out: 200 MB if any leaked
        with pytest.raises(IndexError):
            char_at(s, 5000)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert after - before < 30_000, f"max RSS grew by {after - before} KiB"
