"""Property-based differential fuzzing of NumPy array expressions: `@sharpjit.jit` against NumPy 1.24.

Hypothesis draws one to three array arguments (every supported dtype, 0-d to 3-d, C/F/strided/reversed/read-only
layouts, broadcasting-compatible and incompatible shapes) and scalar arguments (Python and NumPy scalars), then grows
a random expression over them: operators, ufuncs, np.where/np.clip, reductions (axis=, keepdims=), methods
(reshape, ravel, T, astype, copy ...) and indexing (integers, slices, None, ..., masks, integer arrays). Each
sub-expression is evaluated with NumPy while the tree grows, so the generator knows every intermediate value and
type: it avoids what NumPy leaves undefined (shifts by >= the bit width or by a negative amount, float -> int casts
of NaN/inf/out-of-range values) and what the README documents as a difference (a scalar known only at run time
counts as small in NumPy's value-based casting; NumPy's narrow scalar types follow Numba's operator typing).

The tree is rendered as `def f(a, b, s): return <expr>`, run under NumPy and under `sharpjit.jit(f)`, and the
outcomes are compared: result kind (array or scalar), dtype, shape and values (exactly, NaNs equal, unless a
transcendental function or a float reduction is involved: then to rtol 1e-12 for double and 1e-5 for single
precision, with an absolute tolerance scaled by the largest intermediate value), or the exception's type and message.
Compile-time rejections (sharpjit.errors.TypingError / UnsupportedError) are counted, not failed; where NumPy raises
too they are the documented "static errors" (tests/arrays/found/static_errors.py).

Known, triaged differences are listed in KNOWN (each matched narrowly); anything else fails the test with a
reproducer.

Environment:
  SHARPJIT_ARRAY_FUZZ_EXAMPLES=N   examples (default 1500: 40-60 s on a 2-core machine)
  SHARPJIT_ARRAY_FUZZ_SEED=K       random (not derandomized) run seeded with K, for campaigns
  SHARPJIT_ARRAY_FUZZ_COLLECT=path append every unknown difference to path (JSON lines) and keep going instead of
                                   failing (no shrinking): a campaign's mode
  SHARPJIT_ARRAY_FUZZ_SUMMARY=path write the counters (outcomes, rejections, known differences) as JSON
  SHARPJIT_ARRAY_FUZZ_LOG=path     write each case before running it (the last one names a crash)

A campaign:  SHARPJIT_ARRAY_FUZZ_EXAMPLES=5000 SHARPJIT_ARRAY_FUZZ_SEED=1 SHARPJIT_ARRAY_FUZZ_COLLECT=/tmp/d.jsonl \
             SHARPJIT_ARRAY_FUZZ_SUMMARY=/tmp/s.json PYTHONPATH=python /usr/bin/python3 -m pytest -q \
             tests/python/test_array_fuzz.py
"""
import collections
import json
import linecache
import math
import os
import re
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import sharpjit
import sharpjit.errors

EXAMPLES = int(os.environ.get("SHARPJIT_ARRAY_FUZZ_EXAMPLES", "1500"))
SEED = os.environ.get("SHARPJIT_ARRAY_FUZZ_SEED")
COLLECT = os.environ.get("SHARPJIT_ARRAY_FUZZ_COLLECT")
SUMMARY = os.environ.get("SHARPJIT_ARRAY_FUZZ_SUMMARY")
LOG = os.environ.get("SHARPJIT_ARRAY_FUZZ_LOG")

BOOL = [np.bool_]
SIGNED = [np.int8, np.int16, np.int32, np.int64]
UNSIGNED = [np.uint8, np.uint16, np.uint32, np.uint64]
FLOATS = [np.float32, np.float64]
COMPLEX = [np.complex64, np.complex128]
DTYPES = [np.float64, np.int64, np.float32, np.int32, np.uint8, np.int8, np.int16, np.uint16, np.uint32, np.uint64,
          np.complex128, np.complex64, np.bool_]
DTYPE_NAMES = {t: "np." + np.dtype(t).name for t in DTYPES}
DTYPE_NAMES[np.bool_] = "np.bool_"

NAN, INF = float("nan"), float("inf")
SPECIAL_FLOATS = [NAN, INF, -INF, -0.0, 0.0, 1e300, -1e300, 5e-324, 1e-310, 3.4e38, 1e39, 0.1, 1 / 3, 2.5, -7.0,
                  65504.0, 1e-45, 2.0 ** 53, 0.5]

# ---------------------------------------------------------------------------------------------------------------
# Arguments


def _elements(dtype, regime):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return st.booleans()
    if dt.kind in "iu":
        info = np.iinfo(dt)
        if regime == "small":
            return st.integers(max(int(info.min), -10), min(int(info.max), 10))
        edges = [int(info.min), int(info.max), int(info.min) + 1, int(info.max) - 1, 0, 1, 2]
        return st.one_of(st.integers(int(info.min), int(info.max)), st.sampled_from(edges))
    small = st.integers(-40, 40).map(lambda k: k / 4)
    real = small if regime == "small" else st.one_of(small, st.sampled_from(SPECIAL_FLOATS),
                                                      st.floats(allow_nan=True, allow_infinity=True))
    if dt.kind == "c":
        return st.builds(complex, real, real)
    return real


LAYOUTS = ["C", "C", "C", "F", "strided", "reversed", "readonly"]


def _layout(x, layout):
    """x with the same values in another memory layout (what sharpjit's signatures tell apart)."""
    if x.ndim == 0 or layout == "C":
        return x
    if layout == "F":
        return np.asfortranarray(x)
    if layout == "strided":
        big = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), dtype=x.dtype)
        big[..., ::2] = x
        return big[..., ::2]
    if layout == "reversed":
        return np.ascontiguousarray(x[::-1])[::-1]
    y = x.copy()
    y.flags.writeable = False
    return y


@st.composite
def array_args(draw, count):
    # lists lead with typical values: Hypothesis's first (and shrunk) examples take the first item
    ndim = draw(st.sampled_from([2, 1, 3, 2, 1, 3, 2, 1, 3, 2, 1, 0]))
    base = tuple(draw(st.sampled_from([3, 2, 4, 3, 2, 1, 0])) for _ in range(ndim))
    out = []
    for k in range(count):
        if k == 0:
            shape = base
        elif draw(st.integers(0, 9)) < 8:        # broadcasting-compatible with the first
            keep = len(base) - (draw(st.integers(0, len(base))) if draw(st.integers(0, 4)) == 0 else 0)
            shape = tuple(1 if draw(st.integers(0, 3)) == 0 else d for d in base[len(base) - keep:])
        else:                                     # anything, mostly incompatible
            shape = tuple(draw(st.integers(0, 4)) for _ in range(draw(st.integers(0, 3))))
        dtype = draw(st.sampled_from(DTYPES))
        regime = draw(st.sampled_from(["small", "full", "small"]))
        size = int(np.prod(shape))
        values = draw(st.lists(_elements(dtype, regime), min_size=size, max_size=size))
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            x = np.array(values, dtype=dtype).reshape(shape) if size else np.zeros(shape, dtype=dtype)
        layout = draw(st.sampled_from(LAYOUTS))
        out.append((_layout(x, layout), layout))
    return out


SCALAR_TYPES = [float, int, float, int, complex, bool] + DTYPES


@st.composite
def scalar_arg(draw):
    t = draw(st.sampled_from(SCALAR_TYPES))
    if t is int:
        return draw(st.sampled_from([3, -2, 1, 0, -1, 7, 100, -128, 127]) | st.integers(-128, 127))
    if t is float:
        return draw(st.one_of(st.integers(-40, 40).map(lambda k: k / 4), st.sampled_from([NAN, INF, -INF, -0.0])))
    if t is complex:
        return complex(draw(st.integers(-8, 8)) / 2, draw(st.integers(-8, 8)) / 2)
    if t is bool:
        return draw(st.booleans())
    dt = np.dtype(t)
    with np.errstate(all="ignore"):
        if dt.kind == "b":
            return t(draw(st.booleans()))
        if dt.kind == "u":
            return t(draw(st.integers(0, 200)))
        if dt.kind == "i":
            return t(draw(st.integers(-100, 100)))
        if dt.kind == "f":
            return t(draw(st.integers(-40, 40)) / 4)
        return t(complex(draw(st.integers(-8, 8)) / 2, draw(st.integers(-8, 8)) / 2))


def render_arg(x, layout=None):
    """Python source that rebuilds argument x (for reproducers)."""
    if isinstance(x, np.ndarray):
        body = f"np.array({_plain(x.tolist())}, dtype={DTYPE_NAMES[x.dtype.type]})"
        if x.size == 0:
            body = f"np.zeros({x.shape}, dtype={DTYPE_NAMES[x.dtype.type]})"
        return {None: body, "C": body, "F": f"np.asfortranarray({body})", "strided": f"strided({body})",
                "reversed": f"reversed_view({body})", "readonly": f"readonly({body})"}[layout]
    if isinstance(x, np.generic):
        return f"{DTYPE_NAMES[type(x)]}({_plain(x.item())})"
    return _plain(x)


def _plain(v):
    if isinstance(v, list):
        return "[" + ", ".join(_plain(i) for i in v) + "]"
    if isinstance(v, float):
        return "float('nan')" if math.isnan(v) else "float('inf')" if v == INF else \
            "-float('inf')" if v == -INF else repr(v)
    if isinstance(v, complex):
        return f"complex({_plain(v.real)}, {_plain(v.imag)})"
    return repr(v)


REPRO_HELPERS = """import numpy as np, sharpjit
def strided(x): y = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), x.dtype); y[..., ::2] = x; return y[..., ::2]
def reversed_view(x): return np.ascontiguousarray(x[::-1])[::-1]
def readonly(x): x = x.copy(); x.flags.writeable = False; return x
"""

# ---------------------------------------------------------------------------------------------------------------
# Expression trees, grown with NumPy evaluating every node


class Node:
    """A sub-expression: its source, its NumPy value (or the exception NumPy raised), and what the comparison must
    know about it."""
    __slots__ = ("src", "val", "err", "literal", "sj_array", "inexact", "unstable", "flags", "scale", "ops")

    def __init__(self, src, val=None, err=None, literal=False, sj_array=None, inexact=False, unstable=False,
                 flags=frozenset(), scale=0.0, ops=()):
        self.src, self.val, self.err, self.literal = src, val, err, literal
        self.sj_array = isinstance(val, np.ndarray) if sj_array is None else sj_array
        self.inexact, self.unstable, self.flags, self.scale, self.ops = inexact, unstable, flags, scale, ops

    @property
    def is_array(self):
        return isinstance(self.val, np.ndarray)

    @property
    def dtype(self):
        return np.asarray(self.val).dtype

    @property
    def kind(self):
        return self.dtype.kind


def _evaluate(src, env):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return eval(src, {"np": np}, env), None
        except Exception as e:  # noqa: BLE001 - NumPy's exception is the expected outcome
            return None, e


def _magnitude(v):
    try:
        a = np.abs(np.asarray(v, dtype=np.complex128 if np.iscomplexobj(v) else np.float64))
    except (TypeError, ValueError, OverflowError):
        return 0.0
    a = a[np.isfinite(a)]
    return float(a.max()) if a.size else 0.0


def _out_of_range_compare(x, y):
    """An integer array compared with a run-time integer scalar its dtype cannot hold."""
    for arr, sc in ((x, y), (y, x)):
        if arr.sj_array and arr.kind in "iu" and not sc.sj_array and not sc.literal \
                and isinstance(sc.val, (int, np.integer)) and not isinstance(sc.val, (bool, np.bool_)):
            info = np.iinfo(arr.dtype)
            if not info.min <= int(sc.val) <= info.max:
                return True
    return False


WIDE_SCALARS = (int, float, complex, np.int64, np.float64, np.complex128)
INEXACT_UFUNCS = {"exp", "log", "log2", "log10", "sin", "cos", "tan", "arcsin", "arctan", "sinh", "cosh",
                  "log1p", "expm1", "exp2", "cbrt", "arctan2", "hypot", "power"}
# ops whose result jumps when their operand moves by an ulp: after an inexact operand, values may differ
DISCONTINUOUS = {"floor", "ceil", "trunc", "rint", "sign", "<", "<=", ">", ">=", "==", "!=", "//", "%",
                 "floor_divide", "mod", "fmod", "remainder", "greater", "less", "equal", "not_equal",
                 "greater_equal", "less_equal", "astype", "argmin", "argmax", "where", "mask", "index", "isnan",
                 "isinf", "isfinite", "logical_not", "logical_and", "logical_or", "logical_xor", "any", "all",
                 "signbit", "heaviside", "nextafter", "copysign"}


class Gen:
    def __init__(self, data, env):
        self.data, self.env = data, env

    def draw(self, strategy):
        return self.data.draw(strategy)

    def choice(self, seq):
        return self.draw(st.sampled_from(seq))

    def chance(self, p):
        return self.draw(st.integers(0, 999)) >= 1000 - p * 1000    # shrinks towards False

    # -- nodes ----------------------------------------------------------------------------------------------------

    def leaf(self, name):
        v = self.env[name]
        return Node(name, v, scale=_magnitude(v), ops=())

    def make(self, template, children, op, extra_env=None, inexact=False, discontinuous=None, elementwise=True):
        """Node template.format(*child sources); None when NumPy raises (the error is kept on .err) or when the
        result depends on what the README documents as different."""
        src = template.format(*[c.src for c in children])
        val, err = _evaluate(src, {**self.env, **(extra_env or {})})
        inexact = inexact or any(c.inexact for c in children)
        disc = op in DISCONTINUOUS if discontinuous is None else discontinuous
        unstable = any(c.unstable for c in children) or (disc and any(c.inexact for c in children))
        flags = frozenset().union(*[c.flags for c in children])
        ops = tuple(o for c in children for o in c.ops) + (op,)
        # sharpjit's element-wise operations on 0-d arrays and numbers give numbers, as NumPy's do
        sj_array = any(c.sj_array and (np.ndim(c.val) > 0 or not elementwise or op == "where") for c in children)
        if err is None and np.asarray(val).dtype in (np.float32, np.complex64):
            flags = flags | {"single"}                  # single precision somewhere: float32 tolerances
        node = Node(src, val, err, sj_array=sj_array, inexact=inexact, unstable=unstable, flags=flags,
                    scale=max([_magnitude(val)] + [c.scale for c in children]), ops=ops)
        extra = self._promotion_check(template, children, node, extra_env) if elementwise else frozenset()
        if extra == "reject":
            return None
        node.flags = node.flags | extra
        return node

    def _promotion_check(self, template, children, node, extra_env):
        """NumPy 1.24's value-based casting looks at the values of scalars and 0-d arrays. sharpjit (README) types
        a scalar known only at run time, and a 0-d array, as a small one of its type. Evaluate the node as sharpjit
        sees it and compare dtypes."""
        if not any(c.is_array and c.val.ndim > 0 for c in children) and not any(c.sj_array for c in children):
            return frozenset()
        env = {**self.env, **(extra_env or {})}
        small_srcs = []
        for k, c in enumerate(children):
            name = f"__p{k}"
            if c.sj_array and np.ndim(c.val) == 0:
                env[name] = np.asarray(c.val).dtype.type(0)            # a 0-d array: a scalar of unknown value
                small_srcs.append(name)
            elif not c.is_array and not c.literal and isinstance(c.val, (int, float, complex, np.generic)):
                env[name] = type(c.val)(0)                             # a run-time scalar: small
                small_srcs.append(name)
            else:
                small_srcs.append(c.src)
        flags = set()
        model, err = _evaluate(template.format(*small_srcs), env)
        if node.err is not None:
            # NumPy raises (a TypeError of a value-based promotion, a ValueError of shapes): as sharpjit sees it?
            if err is None:
                if not self.chance(0.1):
                    return "reject"
                flags.add("runtime_scalar_not_small")
            return frozenset(flags)
        if err is None and np.asarray(model).dtype != np.asarray(node.val).dtype:
            if not self.chance(0.1):
                return "reject"
            flags.add("runtime_scalar_not_small")
        return frozenset(flags)

    # -- leaves and literals ----------------------------------------------------------------------------------------

    def literal(self, real=False):
        kind = self.choice(["int", "int", "float", "float", "bool", "npscalar"] + ([] if real else ["complex"]))
        if kind == "int":
            v = self.choice([0, 1, 2, 3, 5, 7, -1, -2, -3, 100, 127, 128, 200, 255, 256, -128, -129, 300, 1000,
                             32767, 32768, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 63 - 1, -2 ** 63])
            src = repr(v) if v >= 0 else f"({v})"
        elif kind == "float":
            v = self.choice([0.0, 0.5, 1.5, -2.25, 3.0, 1e10, 1e39, 3.4e38, -0.0, 1e-300, 0.1, NAN, INF, -INF])
            src = "np.nan" if math.isnan(v) else "np.inf" if v == INF else "(-np.inf)" if v == -INF else \
                repr(v) if v >= 0 and not (v == 0 and math.copysign(1, v) < 0) else f"({v!r})"
        elif kind == "complex":
            v = self.choice([1j, 2 + 0.5j, -1.5j, 1e39j, 1 + 0j])
            src = f"({v!r})"
        elif kind == "bool":
            v = self.choice([True, False])
            src = repr(v)
        else:
            t = self.choice([t for t in DTYPES if not (real and np.dtype(t).kind == "c")])
            dt = np.dtype(t)
            raw = self.choice({"b": [True, False], "i": [0, 3, -3, 100], "u": [0, 3, 200],
                               "f": [1.5, -0.5, 2.0], "c": [1j, 1 + 2j]}[dt.kind])
            v = t(raw)
            src = f"{DTYPE_NAMES[t]}({raw!r})"
            node = Node(src, v, scale=_magnitude(v))       # as sharpjit reads it: a scalar whose value it may
            return node                                     # not use for promotion (treated as run-time)
        return Node(src, v, literal=True, scale=_magnitude(v))

    def atom(self, arrays, scalars):
        r = self.draw(st.integers(0, 9))
        if r < 6 or not (scalars or True):
            return self.leaf(self.choice(arrays))
        if r < 8 and scalars:
            return self.leaf(self.choice(scalars))
        return self.literal()

    # -- composite expressions --------------------------------------------------------------------------------------

    def expr(self, depth, arrays, scalars, want_array=False, top=False):
        if depth <= 0:
            node = self.leaf(self.choice(arrays)) if want_array else self.atom(arrays, scalars)
            return node
        builders = [self.binary] * 5 + [self.unary] * 2 + [self.ufunc1] * 3 + [self.ufunc2] * 2 + \
                   [self.where, self.clip] + [self.reduction] * 3 + [self.method] * 2 + [self.index] * 3
        for _ in range(4):
            builder = self.choice(builders)
            node = builder(depth, arrays, scalars)
            if node is None:
                continue
            if node.err is not None:
                if top and self.chance(0.3):       # NumPy raises: sharpjit must raise the same
                    return node
                continue
            if node.dtype == np.float16 and self.chance(0.8):
                continue                            # a float16 loop: a rejection, known well enough
            if node.is_array or not want_array:
                return node
        return self.leaf(self.choice(arrays))

    def sub(self, depth, arrays, scalars, want_array=False):
        return self.expr(depth - 1 - self.draw(st.integers(0, 1)), arrays, scalars, want_array)

    def _scalar_ok(self, *nodes):
        """Operands without an array: NumPy scalar arithmetic, which compiled code types as Numba does (README).
        Only the 64-bit NumPy scalars with each other or with Python numbers agree."""
        if any(n.sj_array for n in nodes):
            return True
        if not all(isinstance(n.val, WIDE_SCALARS) and not isinstance(n.val, (bool, np.bool_)) for n in nodes):
            return False
        return any(isinstance(n.val, np.generic) for n in nodes)

    def binary(self, depth, arrays, scalars):
        op = self.choice(["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>",
                          "<", "<=", ">", ">=", "==", "!="])
        x = self.sub(depth, arrays, scalars)
        y = self.sub(depth, arrays, scalars)
        if self.chance(0.5) and not (x.sj_array or y.sj_array):
            x = self.sub(depth, arrays, scalars, want_array=True)
        if not self._scalar_ok(x, y):
            return None
        if op in ("<<", ">>", "**") and not self._shift_pow_ok(op, x, y):
            return None
        if op in ("<", "<=", ">", ">=") and "c" in (x.kind, y.kind) and not self.chance(0.1):
            return None                             # complex ordering: a documented TypingError
        scalar_only = not (x.sj_array or y.sj_array)
        inexact = op == "**" and np.result_type(x.dtype, y.dtype).kind in "fc"
        node = self.make("({} " + op + " {})", [x, y], op, inexact=inexact)
        if node is not None and scalar_only and op in ("/", "//", "%"):
            node.flags = node.flags | {"scalar_division"}
        if node is not None and scalar_only and op == "**":
            node.flags = node.flags | {"scalar_power"}
        if node is not None and op in ("<", "<=", ">", ">=", "==", "!=") and _out_of_range_compare(x, y):
            node.flags = node.flags | {"cmp_scalar_out_of_range"}
        if node is not None and node.err is None and op in ("==", "!=") and x.sj_array and y.sj_array \
                and not node.is_array and np.ndim(x.val) and np.ndim(y.val):
            node.flags = node.flags | {"deprecated_elementwise_comparison"}
        return node

    def _shift_pow_ok(self, op, x, y):
        """Shifts by a negative amount or by the bit width or more are undefined in C (and in NumPy)."""
        if op == "**":
            return True
        with np.errstate(all="ignore"):
            try:
                rt = np.result_type(x.val, y.val)
            except TypeError:
                return True                                     # NumPy's TypeError: a fine case
        if rt.kind not in "iu":
            return True
        amounts = np.asarray(y.val)
        if amounts.dtype.kind not in "iub":
            return True
        bits = rt.itemsize * 8
        return amounts.size == 0 or (int(amounts.min()) >= 0 and int(amounts.max()) < bits)

    def unary(self, depth, arrays, scalars):
        op = self.choice(["-", "+", "~", "abs"])
        x = self.sub(depth, arrays, scalars)
        if not x.sj_array and not self._scalar_ok(x):
            return None
        if op == "abs":
            return self.make("abs({})", [x], "abs", inexact=x.kind == "c")
        return self.make("(" + op + "{})", [x], op)

    UFUNC1 = ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "tanh", "arcsin", "arctan", "sinh",
              "floor", "ceil", "trunc", "rint", "abs", "absolute", "negative", "positive", "sign", "square",
              "isnan", "isinf", "isfinite", "log1p", "expm1", "logical_not", "invert", "conjugate", "exp2", "cbrt",
              "signbit", "reciprocal", "fabs", "deg2rad"]

    def ufunc1(self, depth, arrays, scalars):
        name = self.choice(self.UFUNC1)
        x = self.sub(depth, arrays, scalars)
        if not x.sj_array and not (isinstance(x.val, WIDE_SCALARS + (np.float32, np.complex64))
                                   and not isinstance(x.val, bool)):
            return None
        if name == "reciprocal" and x.kind in "iub":
            return None                                         # 1 / 0 in C integers: undefined
        inexact = name in INEXACT_UFUNCS or (name in ("sqrt", "abs", "absolute", "square") and x.kind == "c") \
            or (name == "tanh" and x.kind == "c")
        return self.make("np." + name + "({})", [x], name, inexact=inexact)

    UFUNC2 = ["add", "subtract", "multiply", "true_divide", "floor_divide", "mod", "power", "maximum", "minimum",
              "fmax", "fmin", "arctan2", "hypot", "logical_and", "logical_or", "logical_xor", "bitwise_and",
              "bitwise_or", "copysign", "fmod", "greater", "less_equal", "equal", "not_equal", "remainder",
              "heaviside", "nextafter"]

    def ufunc2(self, depth, arrays, scalars):
        name = self.choice(self.UFUNC2)
        x = self.sub(depth, arrays, scalars)
        y = self.sub(depth, arrays, scalars)
        if not (x.sj_array or y.sj_array):
            x = self.sub(depth, arrays, scalars, want_array=True)
        if name == "fmod" and np.result_type(x.dtype, y.dtype).kind in "iu" and \
                np.any(np.asarray(y.val) == 0):
            return None                                         # C's % by zero (NumPy's fmod calls it)
        inexact = name in INEXACT_UFUNCS and not (name == "power" and np.result_type(x.dtype, y.dtype).kind in "iub")
        return self.make("np." + name + "({}, {})", [x, y], name, inexact=inexact)

    def where(self, depth, arrays, scalars):
        c = self.sub(depth, arrays, scalars)
        if self.chance(0.7) and c.kind != "b":
            c = self.make("({} > {})", [c, self.literal(real=True)], ">")
            if c is None or c.err is not None:
                return None
        x = self.sub(depth, arrays, scalars)
        y = self.sub(depth, arrays, scalars)
        if not (c.sj_array or x.sj_array or y.sj_array):
            return None
        return self.make("np.where({}, {}, {})", [c, x, y], "where")

    def clip(self, depth, arrays, scalars):
        x = self.sub(depth, arrays, scalars, want_array=True)
        # a None bound is rejected when the code runs ('not supported in compiled code yet'): rarely
        lo = Node("None", None, literal=True) if self.chance(0.04) else self.sub(0, arrays, scalars)
        hi = Node("None", None, literal=True) if self.chance(0.04) else self.sub(0, arrays, scalars)
        form = self.choice(["np.clip({}, {}, {})", "{}.clip({}, {})"])
        return self.make(form, [x, lo, hi], "clip")

    REDUCTIONS = ["sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "any", "all", "cumsum",
                  "cumprod"]

    def reduction(self, depth, arrays, scalars):
        x = self.sub(depth, arrays, scalars, want_array=True)
        if not x.is_array:
            return None
        name = self.choice(self.REDUCTIONS)
        nd = x.val.ndim
        args = []
        if self.chance(0.6):
            axis = self.draw(st.integers(-nd - 1, nd)) if self.chance(0.1) else \
                self.draw(st.integers(-nd, max(nd - 1, -nd)))
            args.append(f"axis={axis}" if self.chance(0.7) or name not in ("cumsum", "cumprod") else str(axis))
        if name not in ("cumsum", "cumprod") and self.chance(0.35):
            args.append(f"keepdims={self.choice([True, False])}")
        if name in ("std", "var") and self.chance(0.2):
            args.append(f"ddof={self.choice([0, 1])}")
        fn = {"min": self.choice(["min", "amin"]), "max": self.choice(["max", "amax"])}.get(name, name)
        if self.chance(0.5):
            template = "{}." + name + "(" + ", ".join(args) + ")"
        else:
            template = "np." + fn + "({}" + "".join(", " + a for a in args) + ")"
        inexact = name in ("mean", "std", "var") or (x.kind in "fc" and name in ("sum", "prod", "cumsum",
                                                                                 "cumprod"))
        node = self.make(template, [x], name, inexact=inexact, elementwise=False)
        if node is not None and node.err is None:
            node.sj_array = isinstance(node.val, np.ndarray)   # a 0-d array's reduction is a number, keepdims too
        return node

    def method(self, depth, arrays, scalars):
        x = self.sub(depth, arrays, scalars, want_array=True)
        if not x.is_array:
            return None
        kind = self.choice(["reshape", "reshape", "ravel", "flatten", "T", "transpose", "astype", "astype",
                            "copy", "swapaxes"])
        if kind == "reshape":
            shape = self._reshape_target(x.val)
            form = self.choice(["{}.reshape(%s)", "{}.reshape((%s,))", "np.reshape({}, (%s,))"])
            return self.make(form % ", ".join(map(str, shape)), [x], "reshape", discontinuous=False,
                             elementwise=False)
        if kind == "ravel":
            return self.make(self.choice(["{}.ravel()", "np.ravel({})"]), [x], "ravel", discontinuous=False,
                             elementwise=False)
        if kind == "flatten":
            return self.make("{}.flatten()", [x], "flatten", discontinuous=False, elementwise=False)
        if kind == "T":
            return self.make("{}.T", [x], "T", discontinuous=False, elementwise=False)
        if kind == "transpose":
            return self.make(self.choice(["{}.transpose()", "np.transpose({})"]), [x], "transpose",
                             discontinuous=False, elementwise=False)
        if kind == "copy":
            return self.make(self.choice(["{}.copy()", "np.copy({})"]), [x], "copy", discontinuous=False,
                             elementwise=False)
        if kind == "swapaxes":
            nd = max(x.val.ndim, 1)
            return self.make("{}.swapaxes(%d, %d)" % (self.draw(st.integers(-nd, nd - 1)),
                                                      self.draw(st.integers(-nd, nd - 1))), [x], "swapaxes",
                             discontinuous=False, elementwise=False)
        target = self.choice(DTYPES)
        if not self._cast_defined(x.val, target):
            return None
        return self.make("{}.astype(%s)" % DTYPE_NAMES[target], [x], "astype", elementwise=False)

    def _reshape_target(self, v):
        size = v.size
        if self.chance(0.08):
            return [size + 1]
        dims = []
        rest = size
        for _ in range(self.draw(st.integers(0, 2))):
            divisors = [d for d in range(1, rest + 1) if rest % d == 0] or [0]
            d = self.choice(divisors)
            dims.append(d)
            rest = rest // d if d else 0
        dims.append(rest if size else 0)
        if size and self.chance(0.3):
            dims[self.draw(st.integers(0, len(dims) - 1))] = -1
        return dims

    @staticmethod
    def _cast_defined(v, target):
        t = np.dtype(target)
        if v.dtype.kind not in "fc" or t.kind not in "iu":
            return True
        r = np.real(v).astype(np.float64)
        info = np.iinfo(t)
        return bool(np.all(np.isfinite(r)) and np.all(r > float(info.min) - 1) and np.all(r < float(info.max) + 1)
                    and (r.size == 0 or (float(np.max(np.abs(r))) < 2.0 ** 63)))

    def index(self, depth, arrays, scalars):
        x = self.sub(depth, arrays, scalars, want_array=True)
        if not x.is_array:
            return None
        nd = x.val.ndim
        r = self.draw(st.integers(0, 9))
        if r == 0:                                              # a boolean mask
            if self.chance(0.7):
                mask = self.make("({} > {})", [x, self.literal(real=True)], "mask")
                if mask is None or mask.err is not None or not mask.is_array:
                    return None
            else:
                mask = self.sub(depth, arrays, scalars, want_array=True)
                if mask.kind != "b":
                    return None
            return self.make("{}[{}]", [x, mask], "mask", elementwise=False)
        if r in (1, 2):                                         # integer arrays, maybe after slices
            def literal_index(axis):
                n = max(x.val.shape[axis] if nd > axis else 1, 1)
                idx = [self.draw(st.integers(-n - 1, n)) for _ in range(self.draw(st.integers(1, 4)))]
                return Node(f"np.array({idx!r}, dtype=np.int64)", np.array(idx, dtype=np.int64), literal=True)
            where = self.draw(st.integers(0, max(nd - 1, 0)))
            form = self.draw(st.integers(0, 9))
            if form < 6:                                        # a literal array on one axis
                idx = [literal_index(where)]
            elif form < 8:                                      # an integer-valued sub-expression or argument
                idx = [self.sub(depth, arrays, scalars, want_array=True)]
                if idx[0].kind not in "iu":
                    return None
            else:                                               # two arrays on adjacent axes
                idx = [literal_index(where), literal_index(where + 1)]
            items = [":"] * where + ["{}"] * len(idx)
            node = self.make("{}[" + ", ".join(items) + "]", [x] + idx, "index", elementwise=False)
            if node is not None and node.err is None:
                node.sj_array = isinstance(node.val, np.ndarray)
                if np.size(node.val) == 0 and any(
                        np.size(i.val) and nd > where + k and not (-x.val.shape[where + k] <= np.min(i.val) and
                                                                  np.max(i.val) < x.val.shape[where + k])
                        for k, i in enumerate(idx)):
                    node.flags = node.flags | {"unchecked_empty_fancy_index"}   # NumPy checks nothing here
            return node
        items = []
        children = [x]
        k = self.draw(st.integers(1, nd + 1))
        used_ellipsis = False
        for _ in range(k):
            t = self.draw(st.integers(0, 9))
            if t < 3:
                n = 5
                if self.chance(0.2) and scalars:
                    s = self.choice(scalars)
                    if isinstance(self.env[s], (int, np.integer)) and not isinstance(self.env[s], bool):
                        items.append("{}")
                        children.append(self.leaf(s))
                        continue
                items.append(str(self.draw(st.integers(-n, n))))
            elif t < 7:
                def b():
                    return "" if self.chance(0.4) else str(self.draw(st.integers(-5, 5)))
                step = "" if self.chance(0.5) else ":" + str(self.choice([1, 2, 3, -1, -2, 0] if self.chance(0.05)
                                                                        else [1, 2, 3, -1, -2]))
                items.append(b() + ":" + b() + step)
            elif t < 9:
                items.append("None")
            elif not used_ellipsis:
                items.append("...")
                used_ellipsis = True
        if not items:
            items = ["..."]
        src = "{}[" + ", ".join(items) + "]"
        node = self.make(src, children, "index", discontinuous=False, elementwise=False)
        if node is not None and node.err is None:
            node.sj_array = isinstance(node.val, np.ndarray)
        return node


# ---------------------------------------------------------------------------------------------------------------
# Running and comparing

_counter = [0]


def compile_source(src):
    _counter[0] += 1
    filename = f"<sharpjit-array-fuzz-{_counter[0]}>"
    linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(src, filename, "exec"), namespace)
    return namespace["f"]


def run(f, args):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ("ok", f(*args))
        except sharpjit.errors.SharpJitError as e:
            return ("reject", e)
        except Exception as e:  # noqa: BLE001
            return ("err", e)


def first_line(e):
    """The message of a compile error without its location lines ('TypingError: ...')."""
    text = str(e)
    m = re.search(r"^(\w+Error): (.*)$", text, re.M)
    return m.group(2) if m else text.strip().splitlines()[0] if text.strip() else type(e).__name__


def normalize_message(msg):
    return re.sub(r"\d+", "N", msg)[:120]


def values_equal(x, y, rtol=None, atol=0.0):
    x, y = np.asarray(x), np.asarray(y)
    if x.shape != y.shape:
        return False
    if rtol is None:
        if x.dtype.kind in "fc":
            same = (x == y) | (np.isnan(x) & np.isnan(y))
            return bool(np.all(same))
        return bool(np.array_equal(x, y))
    with np.errstate(all="ignore"):
        return bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))


class Case:
    def __init__(self, params, args, layouts, node):
        self.params, self.args, self.layouts, self.node = params, args, layouts, node
        self.src = f"def f({', '.join(params)}):\n    return {node.src}\n"

    def repro(self, np_out=None, sj_out=None):
        lines = [REPRO_HELPERS + self.src]
        call = ", ".join(render_arg(a, l) for a, l in zip(self.args, self.layouts))
        lines.append(f"args = ({call},)")
        lines.append("print(repr(f(*args)))               # NumPy")
        lines.append("print(repr(sharpjit.jit(f)(*args)))  # sharpjit")
        if np_out is not None:
            lines.append(f"# NumPy:    {describe(np_out)}")
            lines.append(f"# sharpjit: {describe(sj_out)}")
        return "\n".join(lines)


def describe(out):
    status, v = out
    if status != "ok":
        return f"{type(v).__name__}: {first_line(v) if status == 'reject' else str(v)}"[:300]
    if isinstance(v, np.ndarray):
        return f"ndarray {v.dtype} {v.shape} {np.array2string(v, threshold=30)}"[:300]
    return f"{type(v).__module__}.{type(v).__name__} {v!r}"


def compare(case, np_out, sj_out):
    """None when the outcomes agree, else a short name of the difference."""
    ns, nv = np_out
    ss, sv = sj_out
    if ss == "reject":
        return None
    if ns == "err" or ss == "err":
        if ns != ss:
            return "spurious-error" if ss == "err" else "missing-error"
        if type(nv).__name__ != type(sv).__name__:
            return "error-type"
        if str(nv) != str(sv):
            return "error-message"
        return None
    if isinstance(nv, np.ndarray) != isinstance(sv, np.ndarray):
        return "result-kind"
    if np.asarray(nv).dtype != np.asarray(sv).dtype:
        return "dtype"
    if np.shape(nv) != np.shape(sv):
        return "shape"
    node = case.node
    if node.unstable:
        return None
    if node.inexact:
        single = _single(case) or "single" in node.flags or np.asarray(nv).dtype.type in (np.float32, np.complex64)
        rtol = 1e-5 if single else 1e-12
        if not values_equal(nv, sv, rtol=rtol, atol=rtol * max(node.scale, 1.0)):
            return "value-inexact"
        return None
    if not values_equal(nv, sv):
        return "value"
    return None


def _single(case):
    return any(getattr(a, "dtype", None) in (np.float32, np.complex64) or isinstance(a, (np.float32, np.complex64))
               for a in case.args) or "float32" in case.src or "complex64" in case.src


# Known, triaged differences: (name, reason, predicate(case, difference, np_out, sj_out)). Keep them narrow.
KNOWN = [
    ("elementwise-comparison-failed",
     "NumPy 1.24's deprecated == / != of shapes that do not broadcast gives a scalar (DeprecationWarning); "
     "sharpjit raises the ValueError NumPy will raise",
     lambda c, d, n, s: "deprecated_elementwise_comparison" in c.node.flags and d == "spurious-error"
     and type(s[1]) is ValueError and "could not be broadcast" in str(s[1])),
    ("runtime-scalar-small",
     "README: a number known only at run time, or a 0-d array, counts as small in value-based casting (NumPy "
     "looks at its value)",
     lambda c, d, n, s: "runtime_scalar_not_small" in c.node.flags and d in ("dtype", "value", "value-inexact",
                                                                           "missing-error")),
    ("scalar-division-by-zero",
     "tests/arrays/found/element_division_by_zero.py: scalar / 0 raises ZeroDivisionError (Python's error model)",
     lambda c, d, n, s: d == "spurious-error" and "scalar_division" in c.node.flags
     and type(s[1]).__name__ == "ZeroDivisionError"),
    # -- real bugs, triaged (each with a minimal reproducer in the report) --
    ("fancy-index-empty-result-unchecked",
     "NumPy 1.24 does not bounds-check an integer-array index when the result is empty (another axis of length "
     "0); sharpjit raises NumPy's IndexError",
     lambda c, d, n, s: d in ("spurious-error", "error-type") and type(s[1]) is IndexError
     and "is out of bounds for axis" in str(s[1]) and "unchecked_empty_fancy_index" in c.node.flags),
]


STATS = collections.Counter()
REJECTIONS = collections.Counter()
STATIC_ERRORS = collections.Counter()
DIFFERENCES = collections.Counter()


def check_case(case):
    f = compile_source(case.src)
    if LOG:
        with open(LOG, "a") as log:
            log.write(case.repro() + "\n#----\n")
    np_out = run(f, case.args)
    sj_out = run(sharpjit.jit(f), case.args)
    STATS["examples"] += 1
    STATS["numpy-" + np_out[0]] += 1
    if sj_out[0] == "reject":
        e = sj_out[1]
        if isinstance(e, sharpjit.errors.InternalError) or type(e).__name__ in ("InternalError",):
            return _known_or_new(case, "internal-error", np_out, sj_out)
        key = f"{type(e).__name__}: {normalize_message(first_line(e))}"
        if np_out[0] == "err":
            STATIC_ERRORS[key] += 1
            STATS["static-error"] += 1
        else:
            REJECTIONS[key] += 1
            STATS["rejected"] += 1
            if COLLECT and os.environ.get("SHARPJIT_ARRAY_FUZZ_COLLECT_REJECTIONS") and REJECTIONS[key] == 1:
                with open(COLLECT, "a") as out:
                    out.write(json.dumps({"diff": "rejection", "key": key, "src": case.node.src,
                                          "args": [render_arg(a, l) for a, l in zip(case.args, case.layouts)]})
                              + "\n")
        return None, np_out, sj_out
    STATS["compiled"] += 1
    if sj_out[0] == "err" and "in compiled code" in str(sj_out[1]):
        # an unsupported feature reported when the code runs (not at compile time): counted as a rejection
        REJECTIONS[f"(run time) {type(sj_out[1]).__name__}: {normalize_message(str(sj_out[1]))}"] += 1
        STATS["rejected-at-run-time"] += 1
        return None, np_out, sj_out
    diff = compare(case, np_out, sj_out)
    if diff is None:
        STATS["same"] += 1
        if case.node.unstable:
            STATS["same-unstable(values not compared)"] += 1
        return None, np_out, sj_out
    return _known_or_new(case, diff, np_out, sj_out)


def _known_or_new(case, diff, np_out, sj_out):
    for name, _reason, pred in KNOWN:
        try:
            if pred(case, diff, np_out, sj_out):
                STATS["known:" + name] += 1
                if COLLECT and os.environ.get("SHARPJIT_ARRAY_FUZZ_COLLECT_KNOWN"):
                    with open(COLLECT, "a") as out:
                        out.write(json.dumps({"diff": "known:" + name, "repro": case.repro(np_out, sj_out)}) + "\n")
                return None, np_out, sj_out
        except Exception:  # noqa: BLE001 - a predicate that does not apply
            pass
    DIFFERENCES[diff] += 1
    return diff, np_out, sj_out


@st.composite
def cases(draw):
    n_arrays = draw(st.sampled_from([2, 1, 3, 2, 1]))
    arrays = draw(array_args(n_arrays))
    n_scalars = draw(st.sampled_from([1, 0, 2, 1]))
    scalars = [draw(scalar_arg()) for _ in range(n_scalars)]
    params = ["a", "b", "c"][:n_arrays] + ["s", "t"][:n_scalars]
    args = [x for x, _ in arrays] + scalars
    layouts = [l for _, l in arrays] + [None] * n_scalars
    env = dict(zip(params, args))
    return params, args, layouts, env


def _run_one(data):
    params, args, layouts, env = data.draw(cases())
    gen = Gen(data, env)
    depth = data.draw(st.sampled_from([3, 2, 4, 1, 3, 2]))
    node = gen.expr(depth, [p for p in params if p in "abc"], [p for p in params if p in ("s", "t")], top=True)
    case = Case(params, args, layouts, node)
    diff, np_out, sj_out = check_case(case)
    if diff is not None:
        text = f"{diff}\n{case.repro(np_out, sj_out)}"
        if COLLECT:
            with open(COLLECT, "a") as out:
                out.write(json.dumps({"diff": diff, "repro": text, "ops": list(node.ops)}) + "\n")
            return
        raise AssertionError("a new difference between NumPy and sharpjit:\n" + text)


_settings = settings(derandomize=SEED is None, max_examples=EXAMPLES, deadline=None, database=None,
                     suppress_health_check=list(HealthCheck), print_blob=False)


@_settings
@given(st.data())
def test_array_expressions_match_numpy(data):
    _run_one(data)


if SEED is not None:
    test_array_expressions_match_numpy = seed(int(SEED))(test_array_expressions_match_numpy)


@pytest.fixture(scope="module", autouse=True)
def _summary():
    yield
    summary = {"stats": dict(STATS), "rejections": dict(REJECTIONS.most_common()),
               "static_errors": dict(STATIC_ERRORS.most_common()), "differences": dict(DIFFERENCES)}
    if SUMMARY:
        with open(SUMMARY, "w") as out:
            json.dump(summary, out, indent=1)
    print("\narray fuzz:", json.dumps(dict(STATS)))
    for key, count in REJECTIONS.most_common(8):
        print(f"  rejected {count}: {key}")


# The minimal reproducer of each BUG entry in KNOWN: (expression over a, b; arguments).
BUG_REPRODUCERS = {
}


@pytest.mark.parametrize("name", sorted(BUG_REPRODUCERS))
def test_known_bug_still_differs(name):
    """Each triaged bug still shows. When this fails the bug is fixed: drop its KNOWN entry and reproducer."""
    assert name in {k for k, _, _ in KNOWN}
    expr, args = BUG_REPRODUCERS[name]
    params = ", ".join("ab"[:len(args)])
    f = compile_source(f"def f({params}):\n    return {expr}\n")
    np_out, sj_out = run(f, args), run(sharpjit.jit(f), args)
    same = np_out[0] == sj_out[0] and (
        (np_out[0] == "ok" and type(np_out[1]) is type(sj_out[1]) and np.asarray(np_out[1]).dtype ==
         np.asarray(sj_out[1]).dtype and values_equal(np_out[1], sj_out[1])) or
        (np_out[0] != "ok" and type(np_out[1]) is type(sj_out[1]) and str(np_out[1]) == str(sj_out[1])))
    assert not same, f"{name} is fixed: remove it from KNOWN and BUG_REPRODUCERS"


def test_known_list_is_narrow():
    """Every KNOWN entry names a reason; the fuzzer's own helpers round-trip reproducer arguments."""
    assert all(reason for _, reason, _ in KNOWN)
    x = np.array([[1.5, NAN], [INF, -0.0]], dtype=np.float32)
    rebuilt = eval(render_arg(x, "strided"), {"np": np, "strided": lambda v: v, "float": float})
    assert values_equal(rebuilt, x) and rebuilt.dtype == x.dtype
