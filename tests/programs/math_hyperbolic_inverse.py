# Covers: identities between math functions checked with isclose, and special values (signed zeros, infinities) of trig/hyperbolic functions.
import math
for x in (0.1, 0.5, 1.0, 2.0):
    print(x, math.isclose(math.sin(x) ** 2 + math.cos(x) ** 2, 1.0), math.isclose(math.cosh(x) ** 2 - math.sinh(x) ** 2, 1.0))
    print(math.isclose(math.asin(math.sin(x / 4)), x / 4), math.isclose(math.atanh(math.tanh(x)), x), math.isclose(math.exp(math.log(x)), x))
print(math.sin(-0.0), math.tan(-0.0), math.atan(-0.0), math.asinh(-0.0))
print(math.atan(math.inf), math.atan(-math.inf), math.tanh(math.inf), math.tanh(-math.inf))
print(math.exp(-1000.0), math.exp(709.0), math.log(5e-324))
print(math.sinh(-math.inf), math.cosh(-math.inf), math.atan2(math.inf, math.inf))
print(math.atan2(0.0, 0.0), math.atan2(-0.0, 0.0), math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0))
print(math.sqrt(-0.0), math.copysign(1.0, math.sqrt(-0.0)))
print(math.acos(1), math.asin(-1), math.acosh(1), math.erf(math.inf), math.erfc(-math.inf))
print(math.gamma(1), math.gamma(171), math.lgamma(1), math.lgamma(2))
print(math.hypot(math.inf, math.nan), math.hypot(1e200, 1e200), math.hypot(-3, -4))
for x in (-2.0, -0.5, 0.0, 0.5, 2.0):
    y = math.asinh(x)
    print(x, f"{y:.12f}", math.isclose(math.sinh(y), x, abs_tol=1e-15))
t = 0.0
for k in range(1, 6):
    t += math.atan(1.0 / k)
print(t)
