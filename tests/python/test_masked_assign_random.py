"""Masked assignments (Passes/ArrayFusion.cs: `a[m] = f(x[m], ...)` and `a[m] op= v` as one loop over the mask)
against NumPy on random draws: target and leaf dtypes, 1-d and 2-d arrays, C, Fortran, strided and reversed
layouts, leaves that are the target or a view of it that overlaps it differently, masks that are fresh, the target
itself, or a reversed 1-d view of the target. The target's contents after the call must equal NumPy's exactly (NaNs equal); a
draw that NumPy refuses (a same_kind cast of an in-place operator) must be refused at compile time."""
import random
import warnings

import numpy as np
import pytest

import sharpjit
import sharpjit.errors


def set_binary(a, x, y, m):
    a[m] = x[m] * y[m] - x[m]


def set_scalar(a, x, m, s):
    a[m] = x[m] + s


def set_plain(a, x, m):
    a[m] = x[m]


def add_leaf(a, x, m):
    a[m] += x[m]


def sub_tree(a, x, y, m, s):
    a[m] -= x[m] * s + y[m]


TEMPLATES = {set_binary: "xy", set_scalar: "xs", set_plain: "x", add_leaf: "x", sub_tree: "xys"}
DTYPES = [np.bool_, np.int8, np.uint8, np.int32, np.int64, np.float32, np.float64, np.complex128]


def values(r, dtype, shape):
    n = int(np.prod(shape))
    if dtype == np.bool_:
        return np.array([r.random() < 0.5 for _ in range(n)]).reshape(shape)
    if np.issubdtype(dtype, np.complexfloating):
        return np.array([complex(r.randint(-9, 9), r.randint(-9, 9)) for _ in range(n)], dtype=dtype).reshape(shape)
    lo, hi = (0, 9) if dtype == np.uint8 else (-9, 9)
    return np.array([r.randint(lo, hi) for _ in range(n)], dtype=dtype).reshape(shape)


def layout(r, a):
    """a itself, or a copy in another layout with the same contents (Fortran order, a strided or reversed view)."""
    kind = r.choice(["C", "F", "strided", "reversed"])
    if kind == "F":
        return np.asfortranarray(a)
    if kind == "strided":
        wide = np.zeros(a.shape[:-1] + (2 * a.shape[-1],), dtype=a.dtype)
        wide[..., ::2] = a
        return wide[..., ::2]
    if kind == "reversed":
        flipped = a[..., ::-1].copy()
        return flipped[..., ::-1]
    return a


def draw(r, template):
    shape = r.choice([(7,), (3, 4), (4, 4)])
    target = layout(r, values(r, r.choice(DTYPES), shape))
    leaves = {}
    for name in TEMPLATES[template].replace("s", ""):
        which = r.random()
        if which < 0.2:
            leaves[name] = target                                   # the target itself
        elif which < 0.35:
            leaves[name] = target[::-1] if target.ndim == 1 else (target.T if shape[0] == shape[1] else target[::-1])
        else:
            leaves[name] = layout(r, values(r, r.choice(DTYPES), shape))
    which = r.random()
    if which < 0.15 and target.dtype == np.bool_:
        mask = target                                               # the mask is the target
    elif which < 0.3 and target.dtype == np.bool_ and target.ndim == 1:
        # a view of the target that moves under the writes; NumPy reads it as it writes, in its iterator's order,
        # which is C order for a 1-d view (a 2-d reversed view is read in memory order: not matched, see README)
        mask = target[::-1]
    else:
        mask = layout(r, values(r, np.bool_, shape))
    args = {"a": target, **leaves, "m": mask}
    if "s" in TEMPLATES[template]:
        # (a Python int known only at run time counts as small in NumPy's value-based casting here, as the README
        # says: a negative one with an unsigned array would differ by design, so the integers are positive)
        args["s"] = r.choice([2, 3, 1.5, np.float32(0.5), np.int16(3), 2 + 1j])
    names = template.__code__.co_varnames[:template.__code__.co_argcount]
    return [args[n] for n in names]


def run(fn, args):
    # Fresh copies that keep each argument's layout and the aliasing between them (a leaf that is the target or its view).
    base = args[0]
    copy = layout_copy(base)
    mapped = []
    for a in args:
        if a is base:
            mapped.append(copy)
        elif isinstance(a, np.ndarray) and a.base is not None and (a.base is base or a.base is base.base) and np.shares_memory(a, base):
            mapped.append(view_like(a, base, copy))
        elif isinstance(a, np.ndarray):
            mapped.append(layout_copy(a))
        else:
            mapped.append(a)
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", np.ComplexWarning)   # NumPy storing complex values into a real target
            fn(*mapped)
    except (TypeError, ValueError, sharpjit.errors.TypingError) as e:
        return "refused", type(e).__name__
    return "ok", copy.copy()


def layout_copy(a):
    out = np.empty_like(a, order="K")
    out[...] = a
    if a.strides != out.strides:   # a strided or reversed view: rebuild the same view over new memory
        return view_of_same_kind(a)
    return out


def view_of_same_kind(a):
    if a.ndim and a.strides[-1] < 0:
        flipped = a[..., ::-1].copy()
        return flipped[..., ::-1]
    wide = np.zeros(a.shape[:-1] + (2 * a.shape[-1],), dtype=a.dtype)
    wide[..., ::2] = a
    return wide[..., ::2]


def view_like(v, base, copy):
    if v.ndim == 2 and v.shape == base.shape[::-1] and v.strides == base.strides[::-1]:
        return copy.T
    if v.ndim == 1:
        return copy[::-1]
    return copy[::-1, ::-1] if v.strides[0] * base.strides[0] < 0 and v.strides[1] * base.strides[1] < 0 else copy[::-1]


def same(x, y):
    return x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x, y, equal_nan=x.dtype.kind in "fc")


@pytest.mark.parametrize("template", list(TEMPLATES), ids=lambda f: f.__name__)
def test_masked_assignments_match_numpy(template):
    r = random.Random("masked " + template.__name__)
    compiled = sharpjit.jit(template)
    compared = refused = 0
    for _ in range(120):
        args = draw(r, template)
        want = run(template, args)
        got = run(compiled, args)
        if want[0] == "refused":
            refused += 1
            assert got[0] == "refused", (template.__name__, args, want, got)
            continue
        if got == ("refused", "TypingError"):
            refused += 1   # a complex value into a real target: NumPy warns, compiled code asks for .real
            assert any(isinstance(a, np.ndarray) and a.dtype.kind == "c" for a in args[1:]) or isinstance(args[-1], complex), args
            continue
        assert got[0] == "ok" and same(got[1], want[1]), (template.__name__, [getattr(a, "dtype", a) for a in args], args, want, got)
        compared += 1
    assert compared > 40
