# Covers: numpy floor ceil trunc fix rint round/around (with decimals) fabs abs absolute sign copysign square reciprocal negative positive conjugate isnan isinf isfinite signbit spacing; which keep int as int (abs, sign, square, round, reciprocal with integer semantics) and which give float64.
import numpy as np

INF = float("inf")
NAN = float("nan")

for x in (2.5, -2.5, 3.5, -0.5, 0.5, -0.0, 1.9999999999999998, 4503599627370497.0, 1e300, INF, -INF, NAN):
    print(x, np.floor(x), np.ceil(x), np.trunc(x), np.fix(x), np.rint(x), np.round(x), np.around(x))
# Unlike math.floor, ints come back as float64 (and round keeps them int).
for n in (7, -7, 0, 2**53 + 1, -2**63):
    print(n, np.floor(n), np.ceil(n), np.trunc(n), np.rint(n), np.round(n), np.fabs(n))

# np.round(x, decimals): scale by 10**decimals, round half to even, scale back (not Python's exact round).
for x in (2.675, 0.125, 1.005, -1234.5678, 0.285, 1e300, 5e-324, 12345.6789):
    print(x, np.round(x, 2), np.round(x, 1), np.around(x, decimals=3), np.round(x, -2), np.round(x, 0), round(x, 2))
print(np.round(1234, -2), np.round(1250, -2), np.round(1350, -2), np.round(-15, -1), np.round(7, 3), np.round(2**62 + 1, -1))
print(np.round(1.5, -400), np.round(1e300, 10), np.round(-0.4), np.round(INF, 2), np.round(NAN, 1))

# Absolute values and signs: int stays int (wrapping at -2**63), bool stays bool.
print(np.abs(-3), np.abs(3), np.abs(-2**63), np.abs(True), np.abs(False), np.absolute(-2.5), np.abs(-0.0), np.abs(-INF))
print(np.fabs(-5), np.fabs(-0.0), np.fabs(NAN))
for x in (-2.0, 3.5, 0.0, -0.0, INF, -INF, NAN):
    print("sign", x, np.sign(x), np.copysign(2, x), np.copysign(x, -1), np.signbit(x), np.negative(x), np.positive(x))
for n in (-5, 0, 9, -2**63, 2**63 - 1):
    print("sign", n, np.sign(n), np.negative(n), np.positive(n), np.signbit(n), np.conjugate(n), np.conj(n))
print(np.signbit(True), np.signbit(False), np.copysign(3, True), np.copysign(True, -1.0))

# square and reciprocal keep the argument's type: 1 / int is integer division toward zero (1/0 gives -2**63).
for n in (-3, 0, 1, -1, 2, -2, 2**32, 2**62, 2**63 - 1):
    print("square/reciprocal", n, np.square(n), np.reciprocal(n))
for x in (-3.0, 0.5, 0.0, -0.0, 1e200, INF, NAN, 3.0):
    print("square/reciprocal", x, np.square(x), np.reciprocal(x))

for x in (0.0, -0.0, 2.5, INF, -INF, NAN, 5e-324, 1e300):
    print("predicates", x, np.isnan(x), np.isinf(x), np.isfinite(x), np.signbit(x))
for n in (1, -7, 2**63 - 1):
    print("predicates", n, np.isnan(n), np.isinf(n), np.isfinite(n), np.signbit(n))
print(np.isnan(True), np.isinf(False), np.isfinite(False))

for x in (0.0, -0.0, 1.0, -1.0, 1e16, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, INF, NAN):
    print("spacing", x, np.spacing(x))
print(np.spacing(3), np.spacing(-1024))


def clamp_sign(x, lo, hi):
    # A compiled helper mixing numpy results with Python arithmetic.
    s = np.sign(x)
    m = np.minimum(np.maximum(np.abs(x), lo), hi)
    return s * m


print(clamp_sign(-7.5, 1.0, 5.0), clamp_sign(0.25, 1.0, 5.0), clamp_sign(3, 1, 5), clamp_sign(-9, 1, 5))
