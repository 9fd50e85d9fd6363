# Covers: float divisions, math.sqrt, math.log and math.exp whose argument's form rules the error out (division by 1.0 + k * abs(d), 1.0 + exp(-x), sqrt(r2 + eps) and their negations; sqrt of a sum of squares; log of 1.0 + a square; exp of -0.5 * x * x; LLVM drops some of these checks) give CPython's results for NaN, infinite, huge and tiny values, while look-alikes that can fail (a product, an exp that underflows, a sum with a negative part, sqrt of a square; sqrt of a product; log of a square; exp of 0.5 * x * x) still raise ZeroDivisionError, ValueError or OverflowError
import math


def never_zero(d, x, r2):
    a = 1.0 / (1.0 + 0.2316419 * abs(d))
    b = 1.0 / (1.0 + math.exp(-x))
    c = x / math.sqrt(x * x + d * d + 0.01)
    e = d / -(2.0 + abs(x))
    f = (d + x) % (0.5 + r2 * r2)
    g = (d - x) // (abs(d) + 3.0)
    return a, b, c, e, f, g


def maybe_zero(kind, x):
    if kind == 0:
        return 1.0 / (x * x)
    if kind == 1:
        return 1.0 / math.exp(-x)
    if kind == 2:
        return 1.0 / (1.0 + x)
    if kind == 3:
        return 1.0 / math.sqrt(x * x)
    if kind == 4:
        return 1.0 / (abs(x) + 1e-300 * 1e-300)
    return 1.0 / (-0.0 + abs(x))


def roots_and_logs(kind, x, y):
    if kind == 0:
        return math.sqrt(x * x + y * y)
    if kind == 1:
        return math.log(1.0 + x * x)
    if kind == 2:
        return math.sqrt(abs(x) * 2.0 + math.exp(y))
    if kind == 3:
        return math.sqrt(x * y)
    if kind == 4:
        return math.log(x * x)
    if kind == 5:
        return math.log(abs(x) + math.exp(y))
    if kind == 6:
        return math.exp(-0.5 * x * x) + math.exp(-abs(y) - x * x)
    return math.exp(0.5 * x * x)


for d, x, r2 in ((0.5, 1.5, 2.0), (-3.0, -700.0, 0.0), (0.0, 800.0, 1e308), (float("nan"), 0.0, float("nan")),
                 (float("inf"), float("-inf"), float("inf")), (-1e308, 1e-320, -0.5), (1e300, -600.0, 4.0)):
    print([round(v, 12) if math.isfinite(v) else v for v in never_zero(d, x, r2)])

for kind in range(6):
    for x in (2.0, 0.0, -1.0, 1000.0, 1e-200):
        try:
            print(kind, x, maybe_zero(kind, x))
        except ZeroDivisionError as exc:
            print(kind, x, "ZeroDivisionError:", exc)

for kind in range(8):
    for x, y in ((3.0, 4.0), (0.0, -0.0), (-2.0, 3.0), (float("nan"), 1.0), (float("inf"), -1.0), (0.0, -800.0), (1e-200, 1e-200), (40.0, -40.0), (-1e200, float("-inf"))):
        try:
            print(kind, x, y, roots_and_logs(kind, x, y))
        except ValueError as exc:
            print(kind, x, y, "ValueError:", exc)
        except OverflowError as exc:
            print(kind, x, y, "OverflowError:", exc)
