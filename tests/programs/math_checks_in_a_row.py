# Covers: float division by zero and math domain/range checks in a row in one loop body (merged into one branch by the compiler) raise the first that fails, after the iterations before it ran, and go on where a result is infinite without an error
import math


def chain(xs, ys, zs, out):
    for i in range(len(xs)):
        a = math.sqrt(xs[i])
        b = math.log(ys[i]) / (a - 1.0)
        c = math.exp(b) / zs[i]
        d = math.exp(-c * c) + math.log(zs[i] + 2.0) + math.atan2(c, a) + math.pow(a, 0.5)
        out.append(d)
    return len(out)


def attempt(label, xs, ys, zs):
    out = [0.0]
    out.clear()
    try:
        n = chain(xs, ys, zs, out)
        print(label, "ok", n, [round(v, 12) for v in out])
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError:", e, len(out), [round(v, 12) for v in out])
    except ValueError as e:
        print(label, "ValueError:", e, len(out), [round(v, 12) for v in out])
    except OverflowError as e:
        print(label, "OverflowError:", e, len(out), [round(v, 12) for v in out])


inf = float("inf")
nan = float("nan")
xs = [4.0, 9.0, 16.0, 25.0]
ys = [2.0, 3.0, 5.0, 7.0]
zs = [1.0, 2.0, 3.0, 4.0]
attempt("all pass", xs, ys, zs)
# Each check alone, at the third element.
attempt("sqrt domain", xs[:2] + [-1.0] + xs[3:], ys, zs)
attempt("log domain", xs, ys[:2] + [-5.0] + ys[3:], zs)
attempt("log of zero", xs, ys[:2] + [0.0] + ys[3:], zs)
attempt("division by zero", xs[:2] + [1.0] + xs[3:], ys, zs)
attempt("exp overflow", xs[:2] + [1.0001] + xs[3:], ys[:2] + [1e300] + ys[3:], zs)
attempt("second division", xs, ys, zs[:2] + [0.0] + zs[3:])
attempt("log of negative later", xs, ys, zs[:2] + [-2.5] + zs[3:])
# Two checks fail in one iteration: the first in the program's order wins.
attempt("sqrt before division", xs[:2] + [-1.0] + xs[3:], ys, zs[:2] + [0.0] + zs[3:])
attempt("log before division", xs[:2] + [1.0] + xs[3:], ys[:2] + [-1.0] + ys[3:], zs)
attempt("division before division", xs[:2] + [1.0] + xs[3:], ys, zs[:2] + [0.0] + zs[3:])
attempt("overflow before division", xs[:2] + [1.0001] + xs[3:], ys[:2] + [1e300] + ys[3:], zs[:2] + [0.0] + zs[3:])
# Two elements fail: the earlier element's check wins whatever its place in the body.
attempt("later check, earlier element", xs[:3] + [-1.0], ys, zs[:1] + [0.0] + zs[2:])
# Infinite and NaN results that are no error: the body goes on, and later checks still raise.
attempt("infinite log", xs, ys[:2] + [inf] + ys[3:], zs)
attempt("infinite exp then division", xs, ys[:2] + [inf] + ys[3:], zs[:2] + [0.0] + zs[3:])
attempt("nan everywhere", [nan] * 4, [nan] * 4, [nan] * 4)
attempt("nan then division", [nan] * 4, ys, zs[:1] + [0.0] + zs[2:])
attempt("infinite sqrt", [inf] * 4, ys, zs)
