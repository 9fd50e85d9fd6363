"""Edges of operators and library functions that constant folding hides from the program corpus: run-time shift
counts, uint64 comparisons at and above 2**63, math.pow's domain checks, divmod's and % and //'s float messages
(issue 12, items 20, 21, 23, 24). Each compiled result or exception is compared with CPython's (or NumPy's)."""
import math
import operator

import numpy as np
import pytest

import sharpjit


def outcome(f, *args):
    try:
        r = f(*args)
    except Exception as e:   # noqa: BLE001 - the exception is the outcome compared
        return type(e).__name__, str(e)
    return "ok", r


def same(a, b):
    if a[0] != b[0] or a[0] != "ok":
        return a == b
    x, y = a[1], b[1]
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
        return True
    return type(x) is type(y) and x == y and (not isinstance(x, float) or math.copysign(1, x) == math.copysign(1, y))


def compare(fn, cases):
    jitted = sharpjit.jit(fn)
    bad = [(args, outcome(fn, *args), outcome(jitted, *args)) for args in cases]
    bad = [b for b in bad if not same(b[1], b[2])]
    assert not bad, "\n".join(f"{args}: CPython {want}, sharpjit {got}" for args, want, got in bad[:20])


def shift_right(x, n):
    return x >> n


def shift_left(x, n):
    return x << n


def test_right_shift_by_a_run_time_count():
    xs = [-5, -1, 5, 0, -2**63, 2**63 - 1, -(2**62) - 3]
    ns = [0, 1, 62, 63, 64, 65, 100, 127, 128, 1000, 2**62, 2**63 - 1]
    compare(shift_right, [(x, n) for x in xs for n in ns] + [(5, -1)])


def test_left_shift_by_a_run_time_count_of_zero_values():
    # Only 0 << n stays within int64 for large n; CPython's other results are beyond int64.
    compare(shift_left, [(0, n) for n in (0, 63, 64, 1000)] + [(1, -1)])


def pow_(x, y):
    return math.pow(x, y)


def test_math_pow_domain_and_range():
    values = [-8.0, -2.0, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 2.0, 8.0, 1 / 3, -1 / 3, 1e308, -1e308,
              math.inf, -math.inf, math.nan, 3.0, -3.0, 0.25]
    compare(pow_, [(x, y) for x in values for y in values])


def divmod_(a, b):
    return divmod(a, b)


def floordiv(a, b):
    return a // b


def mod(a, b):
    return a % b


@pytest.mark.parametrize("fn", [divmod_, floordiv, mod])
def test_float_division_by_zero_messages(fn):
    compare(fn, [(1.0, 0.0), (-1.0, -0.0), (0.0, 0.0), (1, 0.0), (1.0, 0), (7, 0), (7.5, 2.0), (-7.5, 2.0)])


UINT64_OPS = [operator.lt, operator.le, operator.gt, operator.ge, operator.eq, operator.ne]


@pytest.mark.parametrize("op", UINT64_OPS, ids=lambda o: o.__name__)
def test_uint64_comparisons_at_and_above_2_63(op):
    name = op.__name__
    src = f"def cmp(a, b):\n    return a {dict(lt='<', le='<=', gt='>', ge='>=', eq='==', ne='!=')[name]} b\n"
    ns = {}
    exec(compile(src, f"<uint64 {name}>", "exec"), ns)
    import linecache
    linecache.cache[f"<uint64 {name}>"] = (len(src), None, src.splitlines(True), f"<uint64 {name}>")
    jitted = sharpjit.jit(ns["cmp"])
    values = [0, 1, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1]
    bad = []
    for a in values:
        for b in values:
            want = bool(op(np.uint64(a), np.uint64(b)))
            got = jitted(np.uint64(a), np.uint64(b))
            if bool(got) != want:
                bad.append((a, b, want, got))
    assert not bad, bad
