"""Random, well-typed, terminating programs in sharpjit's compiled subset (in the manner of Csmith / YARPGen).

A program is a tree of `Expr` and `Stmt` nodes, each expression with its static type ('int', 'float', 'bool',
'complex' or a tuple of types). The tree is rendered twice from the same nodes:

- `plain`:  the program as sharpjit compiles it (under `sharpjit run` and with `@sharpjit.jit`);
- `oracle`: the same program for CPython, where every int-producing operation goes through a helper that wraps
  to int64 two's complement (as `tests/wraparound/make_expected.py` does), so the oracle computes what int64
  machine arithmetic computes. The helpers also apply README's documented differences ("Known differences")
  where the generator cannot simply avoid them: a negative float to a fractional power is nan; `int ** negative
  int` (not a literal) raises sharpjit's ValueError. Float-to-int conversions beyond int64 and float `**` overflow
  raise OverflowError as in sharpjit (issue 12 item 7, fixed). Where a run reaches a known open bug (fuzz-7;
  the sign of a nan), the oracle raises `Known(item)` and the program is counted as "known", not compared.

Termination is by construction: `for` loops run over ranges whose length is a literal or `e % K`, `while` loops
count a fresh counter up to a literal (the increment is the loop's first statement, so `continue` cannot skip it),
recursion goes through a depth argument that is a literal or `e % K` and decreases by one per call, and calls go
only to earlier functions. A cost estimate (iterations x callee costs) bounds the work per program.

Fixed bugs of issue 12 are exercised: functions whose every path raises (`if True: raise`, `assert False`, item 19
/ fuzz-3), range bounds next to the int64 limits with big steps (item 3), literal negative exponents (item 8),
possibly unbound locals (a variable assigned on one branch, a loop variable read after its loop: UnboundLocalError,
item 10), captured variables rebound after the closure is made (item 10, cells), `*` unpacking in calls and tuple
displays and `*args` parameters (item 11), closures whose captures are rebound later (fuzz-9) or possibly unbound (fuzz-11). The generator avoids: unpacking always has matching lengths, `cmath.log` takes one argument, no narrow NumPy types.
"""
import math
import random

SCALARS = ("int", "float", "bool", "complex")
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1


def is_tuple(t):
    return isinstance(t, tuple)


def type_name(t):
    return "(" + ",".join(type_name(x) for x in t) + ")" if is_tuple(t) else t


# ---------------------------------------------------------------------------------------------------- nodes

class Expr:
    """kind: 'lit' 'var' 'bin' 'un' 'cmp' 'boolop' 'ifexp' 'call' 'tuple' 'index' 'attr' 'method'.
    For 'call', `fn` is a key into CALLS (builtins, math, cmath, numpy) or 'user:NAME' / 'local:NAME'."""
    __slots__ = ("kind", "ty", "kids", "op", "value")

    def __init__(self, kind, ty, kids=(), op=None, value=None):
        self.kind, self.ty, self.kids, self.op, self.value = kind, ty, list(kids), op, value


class Stmt:
    """kind: 'assign' 'reassign' 'aug' 'unpack' 'if' 'for' 'forin' 'while' 'print' 'return' 'break' 'continue'
    'raise' 'assert' 'def' 'lambda' 'expr' 'pass'.  `body`/`orelse` are statement lists; `exprs` expressions."""
    __slots__ = ("kind", "name", "exprs", "body", "orelse", "extra", "fixed")

    def __init__(self, kind, name=None, exprs=(), body=None, orelse=None, extra=None, fixed=False):
        self.kind, self.name, self.exprs = kind, name, list(exprs)
        self.body, self.orelse, self.extra, self.fixed = body, orelse, extra, fixed


class Func:
    def __init__(self, name, params, ret, body, recursive=False, defaults=None, star=None):
        self.name, self.params, self.ret, self.body = name, params, ret, body   # params: [(name, type)]
        self.recursive, self.defaults = recursive, defaults or {}               # defaults: {param: Expr}
        self.star = star   # the name of the last parameter when it is `*args` (its type: a tuple)
        self.cost = 1


class Program:
    def __init__(self, seed, globals_, funcs, top):
        self.seed, self.globals, self.funcs, self.top = seed, globals_, funcs, top  # globals: [(name, Expr)]


# ------------------------------------------------------------------------------------------ library table

# name -> (argument types, result type, plain spelling, oracle spelling or None for the same, class)
# class: 'f2i' = float -> int conversion (item 7 check in the oracle), 'np' = NumPy result converted to Python.
LIB = {}


def _lib(name, args, ret, plain=None, oracle=None, cls=None):
    LIB[name] = (tuple(args), ret, plain or name, oracle, cls)


for _f in ("sqrt exp log log2 log10 log1p expm1 sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh "
           "fabs erf erfc gamma lgamma degrees radians").split():
    _lib("math." + _f, ["float"], "float")
for _f in "atan2 copysign fmod hypot pow remainder".split():
    _lib("math." + _f, ["float", "float"], "float")
_lib("math.log/2", ["float", "float"], "float", "math.log")
_lib("math.ldexp", ["float", "int"], "float")
_lib("math.frexp", ["float"], ("float", "int"))
_lib("math.modf", ["float"], ("float", "float"))
for _f in ("floor", "ceil", "trunc"):
    _lib("math." + _f, ["float"], "int", cls="f2i")
for _f in ("isnan", "isinf", "isfinite"):
    _lib("math." + _f, ["float"], "bool")
_lib("math.gcd", ["int", "int"], "int")
_lib("math.isqrt", ["int"], "int")
_lib("math.isclose", ["float", "float"], "bool")
for _f in "sqrt exp log log10 sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh".split():
    _lib("cmath." + _f, ["complex"], "complex")
_lib("cmath.phase", ["complex"], "float")
_lib("cmath.polar", ["complex"], ("float", "float"))
_lib("cmath.rect", ["float", "float"], "complex")
for _f in ("isnan", "isinf", "isfinite"):
    _lib("cmath." + _f, ["complex"], "bool")
for _f in ("sqrt exp log log2 log10 log1p expm1 sin cos tan arcsin arccos arctan sinh cosh tanh arcsinh "
           "floor ceil trunc rint fabs absolute sign square cbrt exp2 deg2rad rad2deg").split():
    _lib("np." + _f, ["float"], "float", cls="np")
for _f in "hypot arctan2 maximum minimum fmax fmin fmod copysign logaddexp power mod".split():
    _lib("np." + _f, ["float", "float"], "float", cls="np")
for _f in ("isnan", "isinf", "isfinite", "signbit"):
    _lib("np." + _f, ["float"], "bool", cls="np")
for _f in ("maximum", "minimum", "absolute", "sign"):
    _lib("np." + _f + "/i", ["int"] * (2 if _f in ("maximum", "minimum") else 1), "int", "np." + _f, cls="np")
_lib("np.sqrt/c", ["complex"], "complex", "np.sqrt", cls="np")
_lib("np.exp/c", ["complex"], "complex", "np.exp", cls="np")
_lib("abs/i", ["int"], "int", "abs")
_lib("abs/f", ["float"], "float", "abs")
_lib("abs/c", ["complex"], "float", "abs")
_lib("int/f", ["float"], "int", "int", cls="f2i")
_lib("int/b", ["bool"], "int", "int")
_lib("round/f", ["float"], "int", "round", cls="f2i")
_lib("round/fn", ["float", "smallint"], "float", "round")
_lib("round/i", ["int"], "int", "round")
_lib("float/i", ["int"], "float", "float")
_lib("float/b", ["bool"], "float", "float")
_lib("bool/i", ["int"], "bool", "bool")
_lib("bool/f", ["float"], "bool", "bool")
_lib("bool/c", ["complex"], "bool", "bool")
_lib("complex/ff", ["float", "float"], "complex", "complex")
_lib("complex/i", ["int"], "complex", "complex")
_lib("divmod/i", ["int", "int"], ("int", "int"), "divmod")
_lib("divmod/f", ["float", "float"], ("float", "float"), "divmod")
_lib("pow/f", ["float", "float"], "float", "pow")
_lib("min/i", ["int", "int"], "int", "min")
_lib("max/i", ["int", "int", "int"], "int", "max")
_lib("min/f", ["float", "float"], "float", "min")
_lib("max/f", ["float", "float"], "float", "max")
_lib("np.float64/i", ["int"], "float", "np.float64", cls="np")

_lib("sum/i", [("int", "int", "int")], "int", "sum")
_lib("sum/f", [("float", "float")], "float", "sum")
_lib("sum/c", [("complex", "float")], "complex", "sum")
_lib("len/t", [("int", "float", "bool")], "int", "len")
_lib("max/t", [("float", "float", "float")], "float", "max")
_lib("min/ti", [("int", "int")], "int", "min")

BY_RESULT = {}
for _name, (_a, _r, _p, _o, _c) in LIB.items():
    BY_RESULT.setdefault(_r, []).append(_name)

INT_OPS = ["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>", "**"]
FLOAT_OPS = ["+", "-", "*", "/", "//", "%", "**"]
COMPLEX_OPS = ["+", "-", "*", "/"]
EXC_TYPES = ["ValueError", "RuntimeError", "ArithmeticError", "OverflowError", "KeyError",
             "IndexError", "ZeroDivisionError", "AssertionError", "NotImplementedError", "LookupError"]
FLOAT_SPECS = ["", ".3f", ".2e", "10.4g", "+.1f", ">12", "<8.2f", "^9.3", ".0f", "g", ".2%", "e", "012.5f",
               ".17g", "r"]
INT_SPECS = ["", "d", ">5d", "05d", "x", "X", "o", "b", "+d", ",", "_", "<6", "^7", ".2f", "e", "#x", "r"]
COMPLEX_SPECS = ["", "r", ".2f", ".3e", ">30"]
BOOL_SPECS = ["", "r", "d", ">6"]


# ------------------------------------------------------------------------------------------------ generator

class Scope:
    """Variables visible at a point of a function: name -> type; `frozen` names may not be rebound."""

    def __init__(self, parent=None, hide=()):
        self.parent = parent
        self.vars = {}
        # `frozen`: never rebound here; `frozen_below`: names a closure made in this block captures: they may be
        # rebound later, here or in a nested block (the closure sees the new value, CPython's cells; fuzz-9, fixed)
        self.frozen = set() if parent is None else set(parent.frozen)
        self.frozen_below = set()
        self.loopvars = set() if parent is None else set(parent.loopvars)
        self.maybe = set() if parent is None else set(parent.maybe)   # possibly unbound (item 10)
        self.hide = set(hide)

    def all(self):
        out = dict(self.parent.all()) if self.parent else {}
        for n in self.hide:
            out.pop(n, None)
        out.update(self.vars)
        return out


class Ctx:
    def __init__(self, func, ret, mult, in_loop, depth, nested=False):
        self.func, self.ret, self.mult, self.in_loop, self.depth, self.nested = func, ret, mult, in_loop, depth, nested


class Generator:
    MAX_COST = 30000

    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self.n = 0
        self.funcs = []            # generated so far (callable by later ones)
        self.globals = []          # (name, Expr)
        self.cost = 0              # of the function being generated
        self.locals_fns = {}       # nested function name -> (params, ret) for the current function

    def fresh(self, prefix="v"):
        self.n += 1
        return f"{prefix}{self.n}"

    # ---- types and literals
    def rtype(self, allow_tuple=True):
        r = self.r.random()
        if allow_tuple and r < 0.08:
            return tuple(self.rtype(allow_tuple=self.r.random() < 0.15) for _ in range(self.r.randint(1, 3)))
        return self.r.choices(SCALARS, weights=(45, 30, 10, 15))[0]

    def lit(self, t):
        r = self.r
        if is_tuple(t):
            return Expr("tuple", t, [self.lit(x) for x in t])
        if t == "int":
            c = r.random()
            if c < 0.55:
                v = r.randint(-10, 20)
            elif c < 0.75:
                v = r.randint(-100000, 100000)
            elif c < 0.9:
                v = r.choice([2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 1, 2 ** 62, INT64_MAX, INT64_MIN,
                              -2 ** 31, -2 ** 53 - 1, 255, 256, 65535, 10 ** 18, 3037000499, 3037000500])
            else:
                v = r.randint(INT64_MIN, INT64_MAX)
            return Expr("lit", "int", value=v)
        if t == "float":
            c = r.random()
            if c < 0.4:
                v = r.choice([0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 1.5, 0.1, 3.0, -2.5, 10.0, 100.0, 0.25])
            elif c < 0.75:
                v = round(r.uniform(-100, 100), r.randint(0, 6))
            elif c < 0.9:
                v = r.choice([1e-300, 1e300, 5e-324, 1.7976931348623157e308, 1e16, 9007199254740993.0,
                              2.0 ** 63, -2.0 ** 63, 0.30000000000000004, 1e-7, 123456789.123, math.pi, math.e])
            elif c < 0.95:
                v = r.choice([math.inf, -math.inf, math.nan])
            else:
                v = r.uniform(-1e20, 1e20)
            return Expr("lit", "float", value=v)
        if t == "bool":
            return Expr("lit", "bool", value=r.random() < 0.5)
        if t == "complex":
            return Expr("lit", "complex", value=complex(self.lit("float").value if r.random() < 0.3 else
                                                        r.choice([0.0, 1.0, -1.5, 2.0, 0.5]),
                                                        r.choice([0.0, 1.0, -2.0, 0.5, 3.25, -0.0])))
        raise AssertionError(t)

    def small_lit(self, lo=0, hi=8):
        return Expr("lit", "int", value=self.r.randint(lo, hi))

    def bounded(self, scope, depth, k):
        """An int expression in range(0, k): a literal, or `e % k` (Python's % by a positive literal)."""
        if self.r.random() < 0.4:
            return self.small_lit(0, k - 1)
        return Expr("bin", "int", [self.expr("int", scope, depth + 1), Expr("lit", "int", value=k)], op="%")

    # ---- expressions
    def vars_of(self, scope, t):
        return [n for n, vt in scope.all().items() if vt == t]

    def expr(self, t, scope, depth):
        r = self.r
        if depth > 3 or r.random() < 0.1 + 0.2 * depth:
            return self.leaf(t, scope)
        if is_tuple(t):
            c = r.random()
            if c < 0.5:
                if r.random() < 0.15:
                    return self.star_tuple(t, scope, depth)
                return Expr("tuple", t, [self.expr(x, scope, depth + 1) for x in t])
            if c < 0.65 and len(t) >= 2:
                k = r.randint(1, len(t) - 1)
                return Expr("bin", t, [self.expr(t[:k], scope, depth + 1), self.expr(t[k:], scope, depth + 1)],
                            op="+")
            if c < 0.75:
                return Expr("ifexp", t, [self.expr("bool", scope, depth + 1), self.expr(t, scope, depth + 1),
                                         self.expr(t, scope, depth + 1)])
            cands = [n for n in BY_RESULT.get(t, [])]
            if cands and c < 0.9:
                return self.libcall(r.choice(cands), scope, depth)
            return self.call_user(t, scope, depth) or self.leaf(t, scope)
        c = r.random()
        if c < 0.38:
            return self.binop(t, scope, depth)
        if c < 0.46:
            return self.unop(t, scope, depth)
        if c < 0.54 and t == "bool":
            return self.compare(scope, depth)
        if c < 0.6:
            return Expr("boolop", t, [self.expr(t, scope, depth + 1) for _ in range(r.randint(2, 3))],
                        op=r.choice(["and", "or"]))
        if c < 0.65:
            cond = self.expr("bool", scope, depth + 1)
            if cond.kind == "lit" and r.random() < 0.2:   # constant tests (fuzz-2, fixed): keep some
                cond = self.compare(scope, depth + 1)
            return Expr("ifexp", t, [cond, self.expr(t, scope, depth + 1), self.expr(t, scope, depth + 1)])
        if c < 0.8:
            cands = BY_RESULT.get(t, [])
            if cands:
                return self.libcall(r.choice(cands), scope, depth)
        if c < 0.88:
            e = self.call_user(t, scope, depth)
            if e:
                return e
        if c < 0.93:
            e = self.from_tuple(t, scope, depth)
            if e:
                return e
        if c < 0.97 and t in ("float", "complex", "bool"):
            return self.attr(t, scope, depth)
        if c < 0.99 and t == "bool":
            return Expr("call", "bool", [self.expr(self.rtype(False), scope, depth + 1)], op="isinstance",
                        value=r.choice(["int", "float", "complex", "bool"]))
        return self.leaf(t, scope)

    def star_groups(self, types):
        """Splits a list of types into runs: (False, type) for an item, (True, tuple of types) for a run given
        as one `*tuple` (item 11, fixed)."""
        out, i = [], 0
        while i < len(types):
            if self.r.random() < 0.5:
                n = self.r.randint(1, len(types) - i)
                out.append((True, tuple(types[i:i + n])))
                i += n
            else:
                out.append((False, types[i]))
                i += 1
        return out

    def star_tuple(self, t, scope, depth):
        """`(a, *u, b)`: a tuple display with starred tuples (item 11, fixed); `value` flags the starred kids."""
        kids, stars = [], []
        for starred, ty in self.star_groups(list(t)):
            kids.append(self.expr(ty, scope, depth + 1))
            stars.append(starred)
        return Expr("tuple", t, kids, op="star", value=stars)

    def leaf(self, t, scope):
        vs = self.vars_of(scope, t)
        gs = [n for n, e in self.globals if e.ty == t]
        if vs and self.r.random() < 0.75:
            return Expr("var", t, value=self.r.choice(vs))
        if gs and self.r.random() < 0.3:
            return Expr("var", t, value=self.r.choice(gs))
        return self.lit(t)

    def binop(self, t, scope, depth):
        r = self.r
        d = depth + 1
        if t == "int":
            op = r.choice(INT_OPS)
            lt = "int" if r.random() < 0.9 else "bool"
            rt = "int" if r.random() < 0.9 else "bool"
            if op in ("<<", ">>"):
                right = self.bounded(scope, depth, 70) if r.random() < 0.97 else self.expr("int", scope, d)
                return Expr("bin", "int", [self.expr(lt, scope, d), right], op=op)
            if op == "**":
                return Expr("bin", "int", [self.expr(lt, scope, d), self.bounded(scope, depth, 70)], op=op)
            right = self.expr(rt, scope, d)
            if op in ("//", "%") and r.random() < 0.85:
                right = self.nonzero(right)
            if op in ("&", "|", "^") and lt == rt == "bool":
                right = self.expr("int", scope, d)   # bool | bool is a bool, not an int
            return Expr("bin", "int", [self.expr(lt, scope, d), right], op=op)
        if t == "float":
            if r.random() < 0.03:   # int ** negative int literal is a float (item 8, fixed)
                base = self.expr(r.choice(["int", "int", "bool"]), scope, d)
                if r.random() < 0.85:
                    base = self.nonzero(base)
                return Expr("bin", "float", [base, Expr("lit", "int", value=r.randint(-4, -1))], op="**")
            op = r.choice(FLOAT_OPS)
            if r.random() < 0.2 and op in "+-*/":
                lt, rt = r.choice([("int", "float"), ("float", "int"), ("int", "int"), ("bool", "float")])
                if op != "/" and (lt, rt) == ("int", "int"):
                    lt = "float"
            else:
                lt = rt = "float"
            if op == "/" and r.random() < 0.15:
                lt, rt = "int", "int"
            right = self.expr(rt, scope, d)
            if op in ("/", "//", "%") and r.random() < 0.85:
                right = self.nonzero(right)
            if op == "**" and r.random() < 0.85:   # tame: exponent in [0, 3) (or nan), so overflow is rare
                right = Expr("bin", "float", [self.expr("float", scope, d), Expr("lit", "float", value=3.0)], op="%")
            return Expr("bin", "float", [self.expr(lt, scope, d), right], op=op)
        if t == "complex":
            op = r.choice(COMPLEX_OPS)
            lt, rt = r.choice([("complex", "complex")] * 4 + [("float", "complex"), ("complex", "int")])
            right = self.expr(rt, scope, d)
            if op == "/" and r.random() < 0.85:
                right = self.nonzero(right)
            return Expr("bin", "complex", [self.expr(lt, scope, d), right], op=op)
        if t == "bool":
            return Expr("bin", "bool", [self.expr("bool", scope, d), self.expr("bool", scope, d)],
                        op=r.choice(["&", "|", "^"]))
        raise AssertionError(t)

    def unop(self, t, scope, depth):
        r = self.r
        if t == "int":
            return Expr("un", "int", [self.expr(r.choice(["int", "int", "bool"]), scope, depth + 1)],
                        op=r.choice(["-", "~", "+"]))
        if t == "bool":
            return Expr("un", "bool", [self.expr(self.rtype(False), scope, depth + 1)], op="not")
        return Expr("un", t, [self.expr(t, scope, depth + 1)], op=r.choice(["-", "+"]))

    def compare(self, scope, depth):
        r = self.r
        d = depth + 1
        c = r.random()
        if c < 0.15:   # mixed int / float: compared exactly, as CPython does (README's "Known differences" says
            #              the int is converted to float; sharpjit no longer does that, the fuzzer found)
            a, b = r.choice([("int", "float"), ("float", "int")])
            return Expr("cmp", "bool", [self.expr(a, scope, d), self.expr(b, scope, d)],
                        op=[r.choice(["<", "<=", ">", ">=", "==", "!="])])
        if c < 0.22:
            t = self.rtype(False)
            t = r.choice([("int", t), (t, "float"), ("int", "int", "bool")])
            return Expr("cmp", "bool", [self.expr(t, scope, d), self.expr(t, scope, d)], op=[r.choice(["==", "!="])])
        if c < 0.3:
            return Expr("cmp", "bool", [self.expr("complex", scope, d), self.expr("complex", scope, d)],
                        op=[r.choice(["==", "!="])])
        t = r.choice(["int", "int", "float", "bool"])
        n = 2 if r.random() < 0.8 else 3
        return Expr("cmp", "bool", [self.expr(t, scope, d) for _ in range(n)],
                    op=[r.choice(["<", "<=", ">", ">=", "==", "!="]) for _ in range(n - 1)])

    def nonzero(self, e):
        """`e or K`: never zero (the safe division of Csmith, in Python's own terms)."""
        if e.kind == "lit" and e.value:
            return e
        k = {"int": Expr("lit", "int", value=self.r.choice([1, 3, -7])),
             "bool": Expr("lit", "bool", value=True),
             "float": Expr("lit", "float", value=self.r.choice([1.5, -0.5, 3.0])),
             "complex": Expr("lit", "complex", value=complex(1.0, -0.5))}[e.ty]
        return Expr("boolop", e.ty, [e, k], op="or")

    def libcall(self, name, scope, depth):
        args, ret, plain, oracle, cls = LIB[name]
        kids = [self.small_lit(-3, 6) if a == "smallint" else self.expr(a, scope, depth + 1) for a in args]
        if self.r.random() < 0.85:
            kids = [self.tame(name, i, k) for i, k in enumerate(kids)]
        return Expr("call", ret, kids, op="lib", value=name)

    def tame(self, name, i, e):
        """Most calls get an argument inside the function's domain (as Csmith's safe math wrappers do), so
        that programs run on instead of stopping at the first domain error; the rest stay raw."""
        base = name.split(".")[-1].split("/")[0]
        F = lambda v: Expr("lit", "float", value=v)
        call = lambda fn, *a: Expr("call", LIB[fn][1], list(a), op="lib", value=fn)
        if e.ty != "float":
            if name == "math.isqrt":
                return call("abs/i", Expr("bin", "int", [e, Expr("lit", "int", value=2 ** 40)], op="%"))
            if name == "math.ldexp" and i == 1:
                return Expr("bin", "int", [e, Expr("lit", "int", value=64)], op="%")
            return e
        if base in ("sqrt", "log", "log2", "log10", "gamma", "lgamma"):
            return Expr("bin", "float", [call("abs/f", e), F(0.5)], op="+")
        if base in ("asin", "acos", "atanh", "arcsin", "arccos"):
            return Expr("bin", "float", [call("math.tanh", e), F(0.5)], op="*")
        if base in ("acosh", "arccosh"):
            return Expr("bin", "float", [call("abs/f", e), F(1.0)], op="+")
        if base in ("log1p",):
            return call("abs/f", e)
        if base in ("exp", "expm1", "sinh", "cosh", "exp2", "ldexp", "pow", "power", "hypot") or \
                (base in ("sin", "cos", "tan") and name.startswith("math.")):
            return call("math.fmod", e, F(50.0)) if math.isfinite(0.0) and self.r.random() < 0.5 else \
                call("max/f", F(-50.0), call("min/f", F(50.0), e))
        if LIB[name][4] == "f2i" or base in ("fmod", "remainder", "mod"):
            return call("min/f", F(1e18), call("max/f", F(-1e18), e))
        return e

    def call_user(self, t, scope, depth):
        cands = [f for f in self.funcs if f.ret == t]
        local = [(n, p, rt) for n, (p, rt) in self.locals_fns.items() if rt == t and n in scope.all()]
        if local and self.r.random() < 0.5:
            n, params, rt = self.r.choice(local)
            return Expr("call", t, [self.expr(pt, scope, depth + 1) for pt in params], op="local", value=n)
        if not cands:
            return None
        f = self.r.choice(cands)
        extra = f.cost * self.ctx.mult
        if self.cost + extra > self.MAX_COST:
            return None
        self.cost += extra
        kids, kw = self.call_args(f, scope, depth, "expr")
        return Expr("call", t, kids, op="user", value=(f.name, kw))

    def call_args(self, f, scope, depth, mode):
        """Arguments of a call to f: mode 'expr' (random expressions, keywords, defaults left out), 'exact'
        (every parameter, positionally) or 'lit' (literals, for the module level). kw[i] is None (positional),
        a parameter name (keyword) or '*' (a run of positional arguments given as one `*tuple`, item 11)."""
        r = self.r
        kids, kw, must_kw = [], [], False
        regular = f.params[:-1] if f.star else f.params
        for i, (pn, pt) in enumerate(regular):
            if f.recursive and i == 0:
                kids.append(self.small_lit(0, 6) if mode == "lit" else self.bounded(scope, depth, 7))
                kw.append(None)
                continue
            if mode == "expr" and pn in f.defaults and r.random() < 0.4:
                must_kw = True     # the default is used; later arguments go by keyword
                continue
            use_kw = mode == "expr" and not f.star and (must_kw or r.random() < 0.15)
            must_kw = must_kw or use_kw
            kids.append(self.lit(pt) if mode == "lit" else self.expr(pt, scope, depth + 1))
            kw.append(pn if use_kw else None)
        if f.star:   # the items of *args
            for pt in f.params[-1][1]:
                kids.append(self.lit(pt) if mode == "lit" else self.expr(pt, scope, depth + 1))
                kw.append(None)
        if r.random() < 0.2:   # a run of positional arguments (not the depth argument) as `*tuple`
            lo = hi = 1 if f.recursive else 0
            while hi < len(kids) and kw[hi] is None:
                hi += 1
            if hi > lo:
                a = r.randint(lo, hi - 1)
                b = r.randint(a + 1, hi)
                types = tuple(k.ty for k in kids[a:b])
                tup = Expr("tuple", types, kids[a:b]) if mode == "lit" or r.random() < 0.5 else \
                    self.expr(types, scope, depth + 1)
                kids[a:b] = [tup]
                kw[a:b] = ["*"]
        return kids, kw

    def from_tuple(self, t, scope, depth):
        r = self.r
        # a tuple holding t somewhere, indexed by a constant, or (homogeneous) at run time
        n = r.randint(1, 3)
        pos = r.randrange(n)
        tt = tuple(t if i == pos else self.rtype(False) for i in range(n))
        if r.random() < 0.3:
            tt = tuple(t for _ in range(n))
            base = self.expr(tt, scope, depth + 1)
            return Expr("index", t, [base, self.bounded(scope, depth, n)], op="dyn")
        base = self.expr(tt, scope, depth + 1)
        idx = pos if r.random() < 0.7 else pos - n
        return Expr("index", t, [base], value=idx)

    def attr(self, t, scope, depth):
        r = self.r
        if t == "float":
            return Expr("attr", "float", [self.expr(r.choice(["complex", "float"]), scope, depth + 1)],
                        value=r.choice(["real", "imag"]))
        if t == "complex":
            return Expr("method", "complex", [self.expr("complex", scope, depth + 1)], value="conjugate")
        x = self.expr("float", scope, depth + 1)
        if r.random() < 0.3:   # fuzz-1 (fixed): is_integer() of inf; clamp (nan -> -1e18) some of the time
            x = Expr("call", "float", [Expr("lit", "float", value=1e18), Expr("call", "float", [
                Expr("lit", "float", value=-1e18), x], op="lib", value="max/f")], op="lib", value="min/f")
        return Expr("method", "bool", [x], value="is_integer")

    # ---- statements
    def block(self, scope, ctx, n):
        out = []
        for _ in range(n):
            s = self.stmt(scope, ctx)
            if s is not None:
                out.append(s)
        return out

    def stmt(self, scope, ctx):
        r = self.r
        c = r.random()
        deep = ctx.depth >= 3
        if c < 0.25 or (deep and c < 0.45):
            t = self.rtype()
            name = self.fresh()
            e = self.expr(t, scope, 0)
            scope.vars[name] = t
            return Stmt("assign", name, [e])
        if c < 0.35:
            cands = [n for n, t in scope.all().items() if n not in scope.frozen and n not in scope.loopvars
                     and not (is_tuple(t) and t and t[0] == "fn")]
            if cands:
                n = r.choice(cands)
                t = scope.all()[n]
                if t in ("int", "float", "complex") and r.random() < 0.6:
                    ops = {"int": INT_OPS[:10], "float": FLOAT_OPS[:6], "complex": COMPLEX_OPS}[t]
                    op = r.choice(ops)
                    rhs = self.bounded(scope, 0, 70) if op in ("<<", ">>") else self.expr(t, scope, 1)
                    return Stmt("aug", n, [rhs], extra=op)
                return Stmt("reassign", n, [self.expr(t, scope, 0)])
        if c < 0.42:
            t = tuple(self.rtype(False) for _ in range(r.randint(2, 3)))
            names = [self.fresh() for _ in t]
            e = self.expr(t, scope, 0)
            for n, x in zip(names, t):
                scope.vars[n] = x
            return Stmt("unpack", names, [e])
        if c < 0.55 and not deep:
            cond = self.expr("bool", scope, 1)
            if r.random() < 0.1:   # walrus in the condition
                t = r.choice(["int", "float"])
                w = self.fresh("w")
                val = self.expr(t, scope, 1)
                cond = Expr("cmp", "bool", [Expr("walrus", t, [val], value=w), self.lit(t)],
                            op=[r.choice(["<", ">", "==", "!="])])
                scope.vars[w] = t
            body = self.block(Scope(scope), Ctx(ctx.func, ctx.ret, ctx.mult, ctx.in_loop, ctx.depth + 1, ctx.nested),
                              r.randint(1, 3))
            orelse = None
            if r.random() < 0.5:
                orelse = self.block(Scope(scope), Ctx(ctx.func, ctx.ret, ctx.mult, ctx.in_loop, ctx.depth + 1,
                                                      ctx.nested), r.randint(1, 3))
            if r.random() < 0.05:
                # a variable assigned at the end of the branch (and of the other one, or not): read later, it
                # may be unbound (item 10: UnboundLocalError, as in CPython)
                t = self.rtype()
                x = self.fresh()
                body.append(Stmt("assign", x, [self.expr(t, scope, 1)]))
                if orelse is not None and r.random() < 0.5:
                    orelse.append(Stmt("assign", x, [self.expr(t, scope, 1)]))
                else:
                    scope.maybe.add(x)
                scope.vars[x] = t
            return Stmt("if", exprs=[cond], body=body or [Stmt("pass")], orelse=orelse)
        if c < 0.66 and not deep and ctx.mult < 200:
            kind = r.choice(["for", "for", "forin", "while"])
            inner = Scope(scope)
            if kind == "for":
                k = r.randint(1, 10)
                v = self.fresh("i")
                if r.random() < 0.7:
                    rng = [self.bounded(scope, 1, k + 1)]
                    n_iter = k
                elif r.random() < 0.2:
                    rng, n_iter = self.big_range(k)
                else:
                    a = r.randint(-5, 5)
                    step = r.choice([1, 2, 3, -1, -2])
                    b = a + step * k
                    rng = [Expr("lit", "int", value=a), Expr("lit", "int", value=b), Expr("lit", "int", value=step)]
                    n_iter = k
                inner.vars[v] = "int"
                inner.loopvars.add(v)
                lctx = Ctx(ctx.func, ctx.ret, ctx.mult * max(n_iter, 1), True, ctx.depth + 1, ctx.nested)
                body = self.block(inner, lctx, r.randint(1, 4))
                orelse = self.block(Scope(scope), ctx, 1) if r.random() < 0.15 else None
                if r.random() < 0.1:   # the loop variable read after the loop: unbound if it ran no time
                    scope.vars[v] = "int"
                    scope.maybe.add(v)
                return Stmt("for", v, rng, body=body or [Stmt("pass")], orelse=orelse)
            if kind == "forin":
                t = r.choice(["int", "float", "complex", "bool"])
                n = r.randint(1, 4)
                v = self.fresh("x")
                it = self.expr(tuple(t for _ in range(n)), scope, 1)
                inner.vars[v] = t
                inner.loopvars.add(v)
                lctx = Ctx(ctx.func, ctx.ret, ctx.mult * n, True, ctx.depth + 1, ctx.nested)
                body = self.block(inner, lctx, r.randint(1, 3))
                if r.random() < 0.2:    # the loop variable read after the loop (the tuple is not empty)
                    scope.vars[v] = t
                return Stmt("forin", v, [it], body=body or [Stmt("pass")])
            k = r.randint(1, 8)
            v = self.fresh("c")
            inner.vars[v] = "int"
            inner.loopvars.add(v)
            lctx = Ctx(ctx.func, ctx.ret, ctx.mult * k, True, ctx.depth + 1, ctx.nested)
            body = self.block(inner, lctx, r.randint(1, 4))
            orelse = self.block(Scope(scope), ctx, 1) if r.random() < 0.15 else None
            return Stmt("while", v, [Expr("lit", "int", value=k)], body=body, orelse=orelse)
        if c < 0.72 and ctx.in_loop:
            return Stmt("if", exprs=[self.expr("bool", scope, 1)],
                        body=[Stmt(r.choice(["break", "continue"]))])
        if c < 0.78:
            return self.print_stmt(scope, ctx)
        if c < 0.795:
            # `int expression == small literal`: rarely true, so most programs run on; sometimes a constant
            # test, so that some functions always raise (fuzz-3, fixed: typed NoReturn)
            cond = Expr("cmp", "bool", [self.expr("int", scope, 1), self.small_lit(-2, 5)], op=["=="])
            if r.random() < 0.06:
                cond = r.choice([Expr("lit", "bool", value=True), Expr("cmp", "bool", [
                    self.small_lit(0, 2), self.small_lit(0, 2)], op=["=="])])
            return Stmt("if", exprs=[cond], body=[self.raise_stmt(scope)])
        if c < 0.8:
            cond = self.expr("bool", scope, 1)
            if cond.kind == "lit" or not self.mentions_var(cond):
                cond = Expr("cmp", "bool", [self.expr("int", scope, 1), self.small_lit(-2, 5)], op=["!="])
            if r.random() < 0.05:   # `assert False` always raises (fuzz-3, fixed)
                cond = Expr("lit", "bool", value=False)
            return Stmt("assert", exprs=[cond] + ([self.fstring(scope)] if r.random() < 0.6 else []))
        if c < 0.88 and ctx.ret is not None:
            return Stmt("if", exprs=[self.expr("bool", scope, 1)],
                        body=[Stmt("return", exprs=[self.expr(ctx.ret, scope, 1)])])
        if c < 0.95 and not ctx.nested and ctx.depth <= 1:
            return self.nested_def(scope, ctx)
        return self.print_stmt(scope, ctx)

    def big_range(self, k):
        """range(a, b, step) near the int64 limits with a big step or a start next to a limit (item 3, fixed),
        running at most k (<= 10) times."""
        r = self.r
        step = r.choice([1, 2, 5, 7, 2 ** 32, 2 ** 60, 3074457345618258602, 2 ** 62, INT64_MAX])
        if r.random() < 0.5:
            step = -step
        if r.random() < 0.5:   # ends at a limit
            b = (INT64_MAX - r.randint(0, 3)) if step > 0 else (INT64_MIN + r.randint(0, 3))
            a = max(INT64_MIN, min(INT64_MAX, b - step * k + r.randint(-1, 1)))
        else:                  # starts at a limit
            a = (INT64_MIN + r.randint(0, 3)) if step > 0 else (INT64_MAX - r.randint(0, 3))
            b = max(INT64_MIN, min(INT64_MAX, a + step * k + r.randint(-1, 1)))
        n = len(range(a, b, step))
        assert n <= k + 1, (a, b, step)
        return [Expr("lit", "int", value=a), Expr("lit", "int", value=b), Expr("lit", "int", value=step)], n

    @staticmethod
    def mentions_var(e):
        return e.kind in ("var", "call") and e.op != "lib" or any(Generator.mentions_var(k) for k in e.kids)

    def raise_stmt(self, scope):
        exc = self.r.choice(EXC_TYPES)
        if self.r.random() < 0.2:
            return Stmt("raise", exprs=[], extra=exc)
        return Stmt("raise", exprs=[self.fstring(scope)], extra=exc)

    def fstring(self, scope):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            parts.append(("text", self.r.choice(["v", "x=", " and ", "bad ", "", ": ", "{", "}", "'q'", "é"])))
            t = self.rtype()
            e = self.expr(t, scope, 2)
            spec = ""
            if not is_tuple(t) and self.r.random() < 0.6:
                spec = self.r.choice({"int": INT_SPECS, "float": FLOAT_SPECS, "complex": COMPLEX_SPECS,
                                      "bool": BOOL_SPECS}[t])
                if self.r.random() < 0.4:
                    spec = self.random_spec(t)
            parts.append(("expr", e, spec))
        return Expr("fstr", "str", [p[1] for p in parts if p[0] == "expr"], value=parts)

    def random_spec(self, t):
        """A random format spec, [[fill]align][sign][z][#][0][width][grouping][.precision][type], kept only if
        CPython accepts it for a value of type t."""
        r = self.r
        spec = ""
        if r.random() < 0.4:
            spec += r.choice(["", "*", "0", "x", "é"]) + r.choice("<>^=")
        if r.random() < 0.3:
            spec += r.choice("+- ")
        if r.random() < 0.15:
            spec += "#"
        if r.random() < 0.15:
            spec += "0"
        if r.random() < 0.5:
            spec += str(r.randint(0, 25))
        if r.random() < 0.2:
            spec += r.choice(",_")
        if r.random() < 0.5 and t != "int":
            spec += "." + str(r.randint(0, 20))
        types = {"int": "bdoxXneEfFgG%", "bool": "bdoxXn", "float": "eEfFgG%n", "complex": "eEfFgG"}[t]
        if r.random() < 0.7:
            spec += r.choice(types)
        sample = {"int": -12345, "bool": True, "float": -1234.5678, "complex": complex(1.5, -2.25)}[t]
        try:
            format(sample, spec)
            if t == "int":
                format(2 ** 62, spec)
        except (ValueError, TypeError, OverflowError):
            return ""
        return spec

    def print_stmt(self, scope, ctx):
        items = []
        for _ in range(self.r.randint(1, 3)):
            c = self.r.random()
            if c < 0.25:
                items.append(self.fstring(scope))
            elif c < 0.3:
                items.append(Expr("str", "str", [self.expr(self.rtype(), scope, 1)],
                                  op=self.r.choice(["str", "repr"])))
            else:
                items.append(self.expr(self.rtype(), scope, 1))
        kw = {}
        if self.r.random() < 0.15:
            kw["sep"] = self.r.choice(["", ", ", "|", "\\n"])
        if self.r.random() < 0.1:
            kw["end"] = self.r.choice(["", " ", ";\\n"])
        return Stmt("print", exprs=items, extra=kw)

    def nested_def(self, scope, ctx):
        r = self.r
        name = self.fresh("h")
        params = [(self.fresh("q"), self.rtype(False)) for _ in range(r.randint(1, 2))]
        ret = self.rtype(False)
        # everything visible is captured, possibly unbound variables too (reading one raises CPython's free-variable
        # NameError inside the closure: fuzz-11, fixed), and is not rebound inside the closure (that would make it
        # the closure's local); the enclosing function may rebind it after the def (item 10, cells; fuzz-9, fixed)
        inner = Scope(scope)
        for pn, pt in params:
            inner.vars[pn] = pt
        inner.frozen |= set(scope.all())
        scope.frozen_below |= set(scope.all())
        saved = self.locals_fns
        self.locals_fns = {}
        if r.random() < 0.5:
            body_e = self.expr(ret, inner, 1)
            self.locals_fns = saved
            self.locals_fns[name] = ([pt for _, pt in params], ret)
            scope.vars[name] = ("fn", name)
            return Stmt("lambda", name, [body_e], extra=params)
        nctx = Ctx(name, ret, ctx.mult, False, ctx.depth + 1, nested=True)
        body = self.block(inner, nctx, r.randint(1, 3))
        body.append(Stmt("return", exprs=[self.expr(ret, inner, 1)], fixed=True))
        self.locals_fns = saved
        self.locals_fns[name] = ([pt for _, pt in params], ret)
        scope.vars[name] = ("fn", name)
        return Stmt("def", name, body=body, extra=params)

    # ---- functions and programs
    def function(self, recursive=False):
        r = self.r
        name = self.fresh("f" if not recursive else "r")
        params = [(self.fresh("a"), self.rtype()) for _ in range(r.randint(0, 3))]
        if recursive:
            params.insert(0, (self.fresh("n"), "int"))
        ret = self.rtype()
        defaults = {}
        star = None
        if not recursive and r.random() < 0.15:   # `*args` (item 11, fixed): a fixed tuple type, maybe ()
            star = self.fresh("args")
            params.append((star, tuple(self.rtype(False) for _ in range(r.choice([0, 1, 1, 2, 3])))))
        elif not recursive and params and r.random() < 0.2 and "complex" not in type_name(params[-1][1]):
            pn, pt = params[-1]   # (complex default values are not supported: "must be constants")
            defaults[pn] = self.lit(pt)
        f = Func(name, params, ret, [], recursive, defaults, star)
        scope = Scope()
        for pn, pt in params:
            scope.vars[pn] = pt
        if recursive:
            scope.frozen.add(params[0][0])   # the depth argument only decreases, by the recursive call
        self.cost = 1
        self.locals_fns = {}
        self.ctx = Ctx(name, ret, 1, False, 0)
        body = []
        if recursive:
            n = params[0][0]
            body.append(Stmt("if", exprs=[Expr("cmp", "bool", [Expr("var", "int", value=n), Expr("lit", "int", value=0)],
                                              op=["<="])],
                             body=[Stmt("return", exprs=[self.expr(ret, scope, 2)])], fixed=True))
        body += self.gen_body(scope, r.randint(2, 7))
        if recursive:
            # one or two recursive calls with n - 1
            calls = []
            for _ in range(r.choice([1, 1, 2])):
                args = [Expr("bin", "int", [Expr("var", "int", value=params[0][0]), Expr("lit", "int", value=1)], op="-")]
                args += [self.expr(pt, scope, 2) for _, pt in params[1:]]
                calls.append(Expr("call", ret, args, op="user", value=(name, [None] * (len(args) - 1))))
            v = self.fresh()
            combined = calls[0]
            if len(calls) == 2 and ret in ("int", "float", "complex"):
                combined = Expr("bin", ret, calls, op="+")
            elif len(calls) == 2 and ret == "bool":
                combined = Expr("boolop", ret, calls, op="and")
            body.append(Stmt("assign", v, [combined], fixed=True))
            scope.vars[v] = ret
            self.cost *= 2 ** (len(calls) * 3)
        body.append(Stmt("return", exprs=[self.expr(ret, scope, 1)], fixed=True))   # the shrinker keeps it
        f.body = body
        f.cost = max(1, self.cost)
        return f

    def gen_body(self, scope, n):
        return self.block(scope, self.ctx, n)

    def program(self):
        r = self.r
        for _ in range(r.randint(0, 3)):
            t = self.rtype()
            self.globals.append((self.fresh("G"), self.lit(t)))
        for _ in range(r.randint(1, 5)):
            f = self.function(recursive=r.random() < 0.2)
            if f.cost <= self.MAX_COST:
                self.funcs.append(f)
        # main: calls each function and prints; top-level code calls main() and prints a few results directly
        self.locals_fns = {}
        self.ctx = Ctx("main", None, 1, False, 0)
        self.cost = 1
        scope = Scope()
        body = self.gen_body(scope, r.randint(2, 6))
        for f in self.funcs[-3:]:
            body.append(Stmt("print", exprs=[self.call_user_exact(f, scope)], extra={}))
        main = Func(self.fresh("main"), [], None, body)
        top = [Stmt("expr", exprs=[Expr("call", None, [], op="user", value=(main.name, []))])]
        for f in self.funcs:
            if r.random() < 0.5:
                args, kw = self.call_args(f, None, 0, "lit")
                top.append(Stmt("print", exprs=[Expr("call", f.ret, args, op="user", value=(f.name, kw))],
                                extra={}))
        r.shuffle(top)
        return Program(self.seed, self.globals, self.funcs + [main], top)

    def call_user_exact(self, f, scope):
        args, kw = self.call_args(f, scope, 0, "exact")
        return Expr("call", f.ret, args, op="user", value=(f.name, kw))


def generate(seed):
    return Generator(seed).program()


# ------------------------------------------------------------------------------------------------ rendering

PLAIN_HEADER = "import math\nimport cmath\nimport numpy as np\n"

# The oracle's helpers: int64 wrap-around, the documented differences, and the known-bug checks.
ORACLE_HEADER = '''import math
import cmath
import numpy as np
np.seterr(all="ignore")


def _libm_where_numpy_uses_svml():
    # NumPy 1.24 on AVX-512 (Skylake-X) CPUs computes these with Intel's SVML kernels, an ulp or two away from the C
    # library, which compiled code calls (README, Known differences), and a chaotic program amplifies an ulp: there the
    # oracle takes the C library's value, as NumPy computes it on other CPUs.
    import ctypes
    import numpy.core._multiarray_umath as umath
    if not umath.__cpu_features__.get("AVX512_SKX"):
        return
    libm = ctypes.CDLL("libm.so.6")
    names = {"exp": "exp", "log": "log", "log2": "log2", "log10": "log10", "log1p": "log1p", "expm1": "expm1",
             "sin": "sin", "cos": "cos", "tan": "tan", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
             "sinh": "sinh", "cosh": "cosh", "arcsinh": "asinh", "cbrt": "cbrt", "exp2": "exp2",
             "arctan2": "atan2", "power": "pow"}
    for name, c in names.items():
        f = getattr(libm, c)
        f.restype = ctypes.c_double
        f.argtypes = [ctypes.c_double] * (2 if name in ("arctan2", "power") else 1)
        def scalar(*args, _f=f, _numpy=getattr(np, name), **kw):
            if not kw and all(type(a) in (float, int, np.float64) for a in args):
                return np.float64(_f(*(float(a) for a in args)))
            return _numpy(*args, **kw)
        setattr(np, name, scalar)


_libm_where_numpy_uses_svml()


class Known(Exception):
    """The program reached a known open bug of issue 12; it is not compared."""


def _W(v):
    return ((v + 9223372036854775808) & 0xFFFFFFFFFFFFFFFF) - 9223372036854775808


def _WT(t):
    return tuple(_W(x) if type(x) is int else x for x in t)


def _SHL(a, b):
    if b < 0:
        raise ValueError("negative shift count")
    return 0 if b >= 64 else _W(a << b)


def _IPOW(a, b):
    if b < 0:   # README, Known differences: int ** negative int raises ValueError in compiled code
        raise ValueError("integer to a negative power is not supported in compiled code; use a float base")
    return _W(pow(a, b, 18446744073709551616))


def _FPOW(a, b):
    try:
        r = a ** b   # an overflow raises OverflowError, in sharpjit too (issue 12 item 7, fixed)
    except OverflowError:   # "complex exponentiation": a negative base to a fractional power (nan, below)
        if a < 0 and math.isfinite(b) and b != math.floor(b):
            return math.nan
        raise
    if type(r) is complex:   # README, Known differences: a negative float to a fractional power gives nan
        return math.nan
    return r


def _F2I(r):
    if not (-9223372036854775808 <= r <= 9223372036854775807):   # issue 12 item 7 (fixed)
        raise OverflowError("int too large to convert to int64")
    return r


def _ISINT(x):
    return x.is_integer()


def _NS(x):
    if math.isnan(x):
        raise Known("nan sign: the sign bit of a nan is unspecified (x86 and libm differ), not compared")
    return x


def _GCD(a, b):
    r = math.gcd(a, b)
    if r > 9223372036854775807:   # gcd(-2**63, 0) is 2**63: beyond int64, as issue 12 item 7 asks
        raise OverflowError("int too large to convert to int64")
    return r


def _TN(t):
    for x in t:
        if isinstance(x, tuple):
            _TN(x)
        elif isinstance(x, (float, complex)) and cmath.isnan(x):
            raise Known("fuzz-7: a nan in compared tuples: CPython's identity shortcut makes (x,) == (x,) true")
    return t


def _NP(v):
    return v.item() if isinstance(v, np.generic) else v


'''


def _fmt_float(v):
    if math.isnan(v):
        return "math.nan"
    if math.isinf(v):
        return "math.inf" if v > 0 else "(-math.inf)"
    s = repr(v)
    return f"({s})" if s.startswith("-") else s


class Renderer:
    def __init__(self, mode, prefix=""):
        self.mode, self.prefix = mode, prefix
        self.oracle = mode == "oracle"
        self.globals = set()

    def g(self, name):
        return self.prefix + name if name in self.globals else name

    def e(self, x):
        k = x.kind
        o = self.oracle
        if k == "lit":
            v = x.value
            if x.ty == "bool":
                return repr(v)
            if x.ty == "int":
                if v == INT64_MIN:
                    return "(-9223372036854775807 - 1)"
                return f"({v})" if v < 0 else str(v)
            if x.ty == "float":
                return _fmt_float(v)
            if x.ty == "complex":
                if v.real == 0.0 and math.copysign(1, v.real) > 0 and not math.isnan(v.imag) and not math.isinf(v.imag):
                    return f"{v.imag!r}j" if v.imag >= 0 and math.copysign(1, v.imag) > 0 else f"({v.imag!r}j)"
                return f"complex({_fmt_float(v.real)}, {_fmt_float(v.imag)})"
        if k == "var":
            return self.g(x.value)
        if k == "walrus":
            return f"({x.value} := {self.e(x.kids[0])})"
        if k == "tuple":
            items = [self.e(c) for c in x.kids]
            if x.op == "star":
                items = ["*" + a if st else a for a, st in zip(items, x.value)]
            if not items:
                return "()"
            return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
        if k == "bin":
            a, b = (self.e(c) for c in x.kids)
            op = x.op
            if o and x.ty == "int":
                if op == "<<":
                    return f"_SHL({a}, {b})"
                if op == "**":
                    return f"_IPOW({a}, {b})"
                return f"_W({a} {op} {b})"
            if o and x.ty == "float" and op == "**":
                return f"_FPOW({a}, {b})"
            return f"({a} {op} {b})"
        if k == "un":
            a = self.e(x.kids[0])
            if x.op == "not":
                return f"(not {a})"
            if o and x.ty == "int" and x.op == "-":
                return f"_W(-{a})"
            return f"({x.op}{a})"
        if k == "cmp":
            parts = [self.e(c) for c in x.kids]
            tys = [c.ty for c in x.kids]
            if o and is_tuple(tys[0]):
                parts = [f"_TN({p})" for p in parts]
            s = parts[0]
            for op, p in zip(x.op, parts[1:]):
                s += f" {op} {p}"
            return f"({s})"
        if k == "boolop":
            return "(" + f" {x.op} ".join(self.e(c) for c in x.kids) + ")"
        if k == "ifexp":
            c, a, b = (self.e(y) for y in x.kids)
            return f"({a} if {c} else {b})"
        if k == "index":
            base = self.e(x.kids[0])
            if x.op == "dyn":
                return f"{base}[{self.e(x.kids[1])}]"
            return f"{base}[{x.value}]"
        if k == "attr":
            return f"{self.e(x.kids[0])}.{x.value}"
        if k == "method":
            if o and x.value == "is_integer":
                return f"_ISINT({self.e(x.kids[0])})"
            return f"{self.e(x.kids[0])}.{x.value}()"
        if k == "str":
            return f"{x.op}({self.e(x.kids[0])})"
        if k == "fstr":
            out = []
            j = 0
            for p in x.value:
                if p[0] == "text":
                    out.append(p[1].replace("{", "{{").replace("}", "}}"))
                else:
                    spec = p[2]
                    inner = self.e(x.kids[j])   # the kids, not p[1]: the shrinker replaces kids
                    j += 1
                    if spec == "r":
                        out.append("{" + inner + "!r}")
                    elif spec:
                        out.append("{" + inner + ":" + spec + "}")
                    else:
                        out.append("{" + inner + "}")
            return 'f"' + "".join(out) + '"'
        if k == "call":
            args = [self.e(c) for c in x.kids]
            if x.op == "isinstance":
                return f"isinstance({args[0]}, {x.value})"
            if x.op == "local":
                return f"{x.value}({', '.join(args)})"
            if x.op == "user":
                name, kw = x.value
                items = [a if (i >= len(kw) or kw[i] is None) else "*" + a if kw[i] == "*" else f"{kw[i]}={a}"
                         for i, a in enumerate(args)]
                return f"{self.g(name)}({', '.join(items)})"
            name = x.value
            argt, ret, plain, _, cls = LIB[name]
            s = f"{plain}({', '.join(args)})"
            if not o:
                return s
            if name in ("math.copysign", "np.copysign"):
                return f"_NP({plain}({args[0]}, _NS({args[1]})))"
            if name == "np.signbit":
                return f"_NP(np.signbit(_NS({args[0]})))"
            if cls == "f2i":
                return f"_F2I({s})"
            if cls == "np":
                s = f"_NP({s})"
                if ret == "int":
                    s = f"_W({s})"
                return s
            if name == "math.gcd":
                return f"_GCD({args[0]}, {args[1]})"
            if name in ("abs/i", "sum/i"):
                return f"_W({s})"
            if name == "divmod/i":
                return f"_WT({s})"
            if name == "pow/f":
                return f"_FPOW({args[0]}, {args[1]})"
            return s
        raise AssertionError(k)

    def block(self, stmts, ind):
        out = []
        for s in stmts:
            out.extend(self.stmt(s, ind))
        return out or [ind + "pass"]

    def stmt(self, s, ind):
        k = s.kind
        o = self.oracle
        if k == "assign":
            return [f"{ind}{s.name} = {self.e(s.exprs[0])}"]
        if k == "reassign":
            return [f"{ind}{s.name} = {self.e(s.exprs[0])}"]
        if k == "aug":
            rhs = self.e(s.exprs[0])
            t = s.extra
            if o:
                # the same operation as `x op= rhs`, through the wrapping helpers when the target is an int
                return [f"{ind}{s.name} = {self.aug_oracle(s, rhs)}"]
            return [f"{ind}{s.name} {t}= {rhs}"]
        if k == "unpack":
            return [f"{ind}{', '.join(s.name)} = {self.e(s.exprs[0])}"]
        if k == "if":
            out = [f"{ind}if {self.e(s.exprs[0])}:"] + self.block(s.body, ind + "    ")
            if s.orelse:
                out += [f"{ind}else:"] + self.block(s.orelse, ind + "    ")
            return out
        if k == "for":
            out = [f"{ind}for {s.name} in range({', '.join(self.e(x) for x in s.exprs)}):"]
            out += self.block(s.body, ind + "    ")
            if s.orelse:
                out += [f"{ind}else:"] + self.block(s.orelse, ind + "    ")
            return out
        if k == "forin":
            return [f"{ind}for {s.name} in {self.e(s.exprs[0])}:"] + self.block(s.body, ind + "    ")
        if k == "while":
            out = [f"{ind}{s.name} = 0", f"{ind}while {s.name} < {self.e(s.exprs[0])}:",
                   f"{ind}    {s.name} += 1"]
            out += self.block(s.body, ind + "    ")
            if s.orelse:
                out += [f"{ind}else:"] + self.block(s.orelse, ind + "    ")
            return out
        if k == "print":
            items = [self.e(x) for x in s.exprs]
            for key, val in (s.extra or {}).items():
                items.append(f'{key}="{val}"')
            return [f"{ind}print({', '.join(items)})"]
        if k == "return":
            return [f"{ind}return {self.e(s.exprs[0])}" if s.exprs else f"{ind}return"]
        if k in ("break", "continue", "pass"):
            return [ind + k]
        if k == "raise":
            return [f"{ind}raise {s.extra}({self.e(s.exprs[0])})" if s.exprs else f"{ind}raise {s.extra}"]
        if k == "assert":
            return [f"{ind}assert {', '.join(self.e(x) for x in s.exprs)}"]
        if k == "expr":
            return [ind + self.e(s.exprs[0])]
        if k == "lambda":
            params = ", ".join(p for p, _ in s.extra)
            return [f"{ind}{s.name} = lambda {params}: {self.e(s.exprs[0])}"]
        if k == "def":
            params = ", ".join(p for p, _ in s.extra)
            return [f"{ind}def {s.name}({params}):"] + self.block(s.body, ind + "    ")
        raise AssertionError(k)

    def aug_oracle(self, s, rhs):
        op = s.extra
        t = self._var_types.get(s.name)
        if t == "int":
            if op == "<<":
                return f"_SHL({s.name}, {rhs})"
            if op == "**":
                return f"_IPOW({s.name}, {rhs})"
            return f"_W({s.name} {op} {rhs})"
        if t == "float" and op == "**":
            return f"_FPOW({s.name}, {rhs})"
        return f"({s.name} {op} {rhs})"

    def program(self, p, header=True):
        self.globals = {n for n, _ in p.globals} | {f.name for f in p.funcs}
        self._var_types = _collect_types(p)
        lines = []
        if header:
            lines.append((ORACLE_HEADER if self.oracle else PLAIN_HEADER).rstrip("\n"))
            lines.append("")
        for n, e in p.globals:
            lines.append(f"{self.g(n)} = {self.e(e)}")
        lines.append("")
        for f in p.funcs:
            params = []
            for pn, pt in f.params:
                params.append(f"{pn}={self.e(f.defaults[pn])}" if pn in f.defaults else
                              "*" + pn if pn == f.star else pn)
            lines.append(f"def {self.g(f.name)}({', '.join(params)}):")
            lines += self.block(f.body, "    ")
            lines.append("")
            lines.append("")
        for s in p.top:
            lines += self.stmt(s, "")
        return "\n".join(lines) + "\n"


def _collect_types(p):
    """name -> type of every variable (names are unique per program), for rendering augmented assignments."""
    types = {}

    def walk_expr(e):
        if e.kind == "walrus":
            types[e.value] = e.ty
        for k in e.kids:
            if isinstance(k, Expr):
                walk_expr(k)

    def walk(stmts, scope_types):
        for s in stmts:
            for e in s.exprs:
                walk_expr(e)
            if s.kind == "assign":
                types[s.name] = s.exprs[0].ty
            elif s.kind == "unpack":
                for n, t in zip(s.name, s.exprs[0].ty):
                    types[n] = t
            elif s.kind in ("for", "while"):   # a range's items, a while loop's counter
                types[s.name] = "int"
            elif s.kind == "forin":
                types[s.name] = s.exprs[0].ty[0]
            elif s.kind in ("def", "lambda"):
                for pn, pt in s.extra:
                    types[pn] = pt
            for b in (s.body, s.orelse):
                if b:
                    walk(b, scope_types)

    for f in p.funcs:
        for pn, pt in f.params:
            types[pn] = pt
        walk(f.body, types)
    return types


def render(p, mode="plain", prefix="", header=True):
    return Renderer(mode, prefix).program(p, header)


if __name__ == "__main__":
    import sys
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    mode = sys.argv[2] if len(sys.argv) > 2 else "plain"
    sys.stdout.write(render(generate(seed), mode))
