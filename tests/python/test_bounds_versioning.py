"""Loop versioning for bounds checks (Passes/BoundsAnalysis.cs) is sound: loops whose bounds, guards, offsets and
invariant indices are drawn at random give CPython's result, or CPython's IndexError at the same element, whether
the precondition holds (the unchecked copy runs) or not (the checked copy runs). Each template compiles once."""
import random
import re
from pathlib import Path

import numpy as np
import pytest

import sharpjit
from conftest import unchecked_copy


def guarded_offset(a, start, stop, c, lo, hi):
    s = 0
    for j in range(start, stop):
        if lo < j < hi:
            s += a[j + c] * (j + 1)
    return s


def negated_guards(a, start, stop, c, lo, hi):
    s = 0
    for j in range(start, stop):
        if not (j < lo) and j <= hi:
            s += a[j - c]
        if j == hi:
            s += 1000 * a[j]
    return s


def invariant_index(a, start, stop, k, flag):
    s = 0
    for j in range(start, stop):
        if flag and k < len(a):
            s += a[k]
        s += a[j] * 3
    return s


def matrix_row(m, start, stop, i, c):
    s = 0
    for j in range(start, stop):
        if 0 <= j + c and j + c < m.shape[1]:
            s += m[i, j + c]
        m[i - 1, j] = s
    return s


def running_best(a, start, stop, best0):
    best = best0
    for j in range(start, stop):
        if a[j] > a[best]:
            best = j
    return best


def stepped(a, start, stop, c):
    s = 0
    for j in range(start, stop, 3):
        s += a[j + c]
    return s


def after_break(a, start, stop, limit):
    last = -1
    total = 0
    for j in range(start, stop):
        total += a[j]
        last = j
        if total > limit:
            break
    return total, last


def reversed_window(a, start, stop, c):
    s = 0
    for j in range(start, stop):
        s += a[c - j] * (j + 1)
    return s


def mirrored(a, start, stop, k):
    n = len(a)
    s = 0
    for j in range(start, stop):
        s += a[n - 1 - j] - 2 * a[n - (j + k)]
    return s


TEMPLATES = {
    guarded_offset: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-3, 3), r.randint(-4, 12), r.randint(-4, 14)),
    negated_guards: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-3, 3), r.randint(-4, 12), r.randint(-4, 14)),
    invariant_index: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-14, 14), r.random() < 0.7),
    matrix_row: lambda r, n: (r.randint(-3, 6), r.randint(-3, 9), r.randint(-5, 5), r.randint(-2, 2)),
    running_best: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-12, 12)),
    stepped: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-3, 3)),
    after_break: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(0, 40)),
    reversed_window: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-4, 14)),
    mirrored: lambda r, n: (r.randint(-12, 12), r.randint(-12, 16), r.randint(-3, 3)),
}


def outcome(f, args):
    args = [x.copy() if isinstance(x, np.ndarray) else x for x in args]
    try:
        result = f(*args)
    except IndexError as e:
        return "IndexError", str(e), [x.tolist() for x in args if isinstance(x, np.ndarray)]
    return result, [x.tolist() for x in args if isinstance(x, np.ndarray)]


def draw(template, r):
    """Random arguments for a template: an int64 array of 0-9 elements (a 4x6 matrix for matrix_row), then its own."""
    n = r.randint(0, 9)
    a = np.array([r.randint(-9, 9) for _ in range(n)], dtype=np.int64)
    first = np.arange(4 * 6, dtype=np.int64).reshape(4, 6) if template is matrix_row else a
    return (first, *TEMPLATES[template](r, n))


@pytest.mark.parametrize("template", list(TEMPLATES), ids=lambda f: f.__name__)
def test_random_loops_match_cpython(template):
    compiled = sharpjit.jit(template)
    r = random.Random(template.__name__)
    finished = raised = 0
    for _ in range(300):
        args = draw(template, r)
        expected = outcome(template, args)
        assert outcome(compiled, args) == expected, (template.__name__, args)
        raised += expected[0] == "IndexError"
        finished += expected[0] != "IndexError"
    assert raised > 10 and finished > 10
    # the loop was versioned (so both copies ran: the unchecked one where the precondition held)
    assert ".unchecked" in compiled.inspect_llvm(compiled.signatures[0])


@pytest.mark.parametrize("template", list(TEMPLATES), ids=lambda f: f.__name__)
def test_random_loops_match_cpython_without_bounds_checks(template):
    # boundscheck=False versions the same loops: where the precondition holds, the copy without the negative-index
    # wrap runs; elsewhere the copy that only wraps. Every draw that CPython finishes (negative indices included) must
    # give its result (an index out of bounds is undefined there, so those draws are skipped).
    compiled = sharpjit.jit(boundscheck=False)(template)
    r = random.Random("nobc " + template.__name__)
    finished = 0
    for _ in range(300):
        args = draw(template, r)
        expected = outcome(template, args)
        if expected[0] == "IndexError":
            continue
        assert outcome(compiled, args) == expected, (template.__name__, args)
        finished += 1
    assert finished > 10
    assert ".unchecked" in compiled.inspect_llvm(compiled.signatures[0])


def shifted_by(x, k, out):
    for i in range(len(out)):
        out[i] = x[i + k] * 3.0
    return out


def periodic(a):
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = a[i - 1] + a[i]
    return out


def test_without_bounds_checks_proven_loops_drop_the_wrap_and_vectorise():
    # With boundscheck=False an index of unknown sign (x[i + k]) used to wrap through a select on every access, which
    # kept the loop scalar (convolve_loops ran 25% slower than with checks). The loop is versioned now: the copy where
    # every index is in bounds vectorises; the other still wraps negative indices, as Python does.
    compiled = sharpjit.jit(boundscheck=False)(shifted_by)
    x = np.arange(40.0)
    np.testing.assert_array_equal(compiled(x, 3, np.zeros(30)), shifted_by(x, 3, np.zeros(30)))
    np.testing.assert_array_equal(compiled(x, -25, np.zeros(20)), shifted_by(x, -25, np.zeros(20)))   # wraps from -25
    ir = compiled.inspect_llvm(compiled.signatures[0])
    assert ".unchecked" in ir and re.search(r"store <\d+ x double>", ir), ir
    wrapping = sharpjit.jit(boundscheck=False)(periodic)
    a = np.arange(6.0)
    np.testing.assert_array_equal(wrapping(a), periodic(a))   # a[-1] at i = 0


def reversed_dot(x, w, i):
    m = len(w)
    s = 0.0
    for j in range(m):
        s += x[i + j] * w[m - 1 - j]
    return s


def test_an_index_that_counts_down_is_proven():
    # w[m - 1 - j] (an invariant minus the counter) is covered as x[i + j] is: the loop's unchecked copy has no check
    # left, so it has one exit and LLVM unrolls it (convolve_loops' inner loop: 38% slower checked than unchecked).
    compiled = sharpjit.jit(reversed_dot)
    x, w = np.arange(20.0), np.array([1.0, 2.0, 4.0])
    for i in (0, 5, 17):
        assert compiled(x, w, i) == reversed_dot(x, w, i)
    with pytest.raises(IndexError, match="index 20 is out of bounds for axis 0 with size 20"):
        compiled(x, w, 18)
    blocks, checks = unchecked_copy(compiled)
    assert blocks and not checks


def maybe_unbound(a, n, flag):
    if flag:
        k = 1
    s = 0
    for j in range(n):
        s += a[j] + a[k]
    return s


def test_an_index_that_may_be_unbound_is_left_checked():
    # k is unbound when flag is false: the precondition must not read it (it would be poison), so the loop keeps its
    # checks, and the UnboundLocalError comes where CPython raises it.
    compiled = sharpjit.jit(maybe_unbound)
    a = np.arange(5)
    assert compiled(a, 5, True) == maybe_unbound(a, 5, True)
    with pytest.raises(UnboundLocalError):
        compiled(a, 5, False)
    assert compiled(a, 0, False) == 0
    blocks, checks = unchecked_copy(compiled)
    assert blocks and checks   # a[j] is proven; a[k] keeps its check


def doubled(a, b, n):
    for j in range(n):
        b[j] = a[j] * 2.0
    return b


def test_the_checked_copy_is_left_plain_and_the_unchecked_copy_vectorises():
    # The checked copy runs only where the precondition fails: LLVM is told not to vectorise, unroll or unswitch it
    # (optimising it like the fast copy doubled the compile time of stencil kernels), while the unchecked copy
    # vectorises as before.
    compiled = sharpjit.jit(doubled)
    a = np.arange(10.0)
    np.testing.assert_array_equal(compiled(a, np.zeros(10), 10), doubled(a, np.zeros(10), 10))
    with pytest.raises(IndexError, match="index 10 is out of bounds for axis 0 with size 10"):
        compiled(a, np.zeros(12), 12)
    ir = compiled.inspect_llvm(compiled.signatures[0])
    assert '!{!"llvm.loop.vectorize.enable", i1 false}' in ir and '!{!"llvm.loop.unswitch.nontrivial.disable"}' in ir, ir[-3000:]
    blocks, checks = unchecked_copy(compiled)
    assert blocks and not checks
    assert re.search(r"store <\d+ x double>", ir), ir   # only the unchecked copy can vectorise


def matmul_loops(a, b):
    n, inner = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for k in range(inner):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c


def test_loop_nests_are_not_copied_around_invariant_conditions():
    # Every compilation runs default<O3> with -unswitch-threshold=0: non-trivial loop unswitching copied this whole
    # nest around conditions that do not change inside it (509 optimised instructions instead of 227, 36 ms of
    # compile instead of 20) and no benchmark kernel ran faster for it. Unswitched copies are named "*.us*".
    compiled = sharpjit.jit(matmul_loops)
    a, b = np.arange(12.0).reshape(3, 4), np.arange(8.0).reshape(4, 2)
    np.testing.assert_array_equal(compiled(a, b), matmul_loops(a, b))
    ir = compiled.inspect_llvm(compiled.signatures[0])
    assert not re.search(r"^[\w.]*\.us[\w.]*:", ir, re.M), ir


def test_loops_that_may_raise_are_unrolled():
    # histogram_loops' scatter: a data-dependent index keeps its bounds check and int() its range check, two exits
    # besides the loop's own. LLVM unrolls such loops only with -unroll-runtime-multi-exit (LlvmTarget.DefaultOptions);
    # before, this loop ran one element per iteration, 15% slower than Numba's unchecked one.
    bench = Path(__file__).resolve().parents[2] / "bench" / "arrays" / "histogram_loops.py"
    namespace = {}
    exec(compile(bench.read_text().split("# --- sanity ---")[0], str(bench), "exec"), namespace)
    scatter = namespace["kernel"]
    compiled = sharpjit.jit(scatter)
    x = np.random.default_rng(3).standard_normal(1001)
    assert compiled(x, 16, -2.0, 2.0).tolist() == scatter(x, 16, -2.0, 2.0).tolist()
    ir = next(iter(compiled.inspect_llvm().values()))
    assert len(re.findall(r"call i64 @llvm.x86.sse2.cvttsd2si64", ir)) >= 2, "the loop body appears once: not unrolled"

    def bump(counts, idx):
        for i in range(len(idx)):
            counts[idx[i]] += 1

    unrolled = sharpjit.jit(bump)
    counts, idx = np.zeros(4, np.int64), np.array([0, 1, 1, 3, 2, 0, 3, 1, 9, 2, 2])
    with pytest.raises(IndexError, match="index 9 is out of bounds for axis 0 with size 4"):
        unrolled(counts, idx)                       # raised at the ninth element, from inside an unrolled iteration
    assert counts.tolist() == [2, 3, 1, 2]          # the writes before it are done
