# Covers: math module numeric functions (roots, exp/log family, trig, hyperbolic, angle conversion, hypot, dist).
import math
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0))
print(math.cbrt(27), math.cbrt(-8.0))
print(math.exp(1), math.exp(-1), math.exp(0))
print(math.exp2(10), math.expm1(1e-10), math.expm1(1))
print(math.log(math.e), math.log(100), math.log(8, 2), math.log(1000, 10))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(2))
print(math.log1p(1e-10), math.log1p(1))
print(math.sin(0), math.sin(math.pi / 2), math.sin(1))
print(math.cos(0), math.cos(math.pi), math.cos(1))
print(math.tan(0), math.tan(math.pi / 4), math.tan(1))
print(math.asin(1), math.acos(0), math.atan(1))
print(math.asin(0.5), math.acos(-1), math.atan(-10))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0))
print(math.sinh(1), math.cosh(1), math.tanh(1))
print(math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
print(math.hypot(3.0), math.hypot(1, 2, 2))
print(math.dist((0, 0), (3, 4)), math.dist((1.0, 1.0, 1.0), (2.0, 3.0, 3.0)))
print(math.pow(2, 0.5), math.pow(10, -2), math.pow(-8, 3))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0))
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.nan), math.isnan(0.0))
x = 0.0
total = 0.0
for i in range(10):
    total += math.sin(x) * math.cos(x)
    x += 0.1
print(total)
