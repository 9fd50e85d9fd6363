# Covers: numpy's two-argument functions on scalars: add subtract multiply divide true_divide floor_divide mod remainder fmod power float_power maximum minimum fmax fmin gcd lcm hypot arctan2 copysign logaddexp logaddexp2 heaviside nextafter; int/float/bool result types, division by zero (inf/nan/0, no exception), int64 wrap-around.
import numpy as np

INF = float("inf")
NAN = float("nan")

# Result types follow the arguments: int op int stays int, bool op bool stays bool for add/multiply/maximum.
print(np.add(2, 3), np.add(2, 3.0), np.add(True, True), np.add(True, 2), np.subtract(7, 10), np.multiply(6, 7))
print(np.multiply(True, False), np.maximum(True, False), np.minimum(True, False), np.maximum(2, True))
print(np.divide(7, 2), np.true_divide(1, 3), np.divide(6, 3), np.divide(True, True), np.divide(2**62 + 1, 1))
print(np.power(2, 3), np.power(2, 0.5), np.power(2.0, 3), np.power(True, 2), np.power(-3, 3), np.power(0, 0))
print(np.float_power(2, 3), np.float_power(2, -1), np.float_power(True, True), np.float_power(-8, 1 / 3))
print(np.maximum(1, 2.5), np.minimum(1, 2.5), np.fmax(3, 2), np.fmin(-1, 4.0))

# int64 arithmetic wraps, as NumPy's does.
print(np.add(2**63 - 1, 1), np.multiply(2**62, 4), np.power(2, 63), np.power(2, 64), np.power(3, 40), np.subtract(-2**63, 1))

# Division by zero never raises: floats give inf/nan, ints give 0.
print(np.divide(1, 0), np.divide(-1, 0), np.divide(0, 0), np.divide(1.0, -0.0), np.true_divide(0.0, 0.0))
print(np.floor_divide(5, 0), np.mod(5, 0), np.fmod(5, 0), np.remainder(-5, 0))
print(np.floor_divide(5.0, 0.0), np.floor_divide(-5.0, 0.0), np.floor_divide(0.0, 0.0), np.mod(5.0, 0.0), np.fmod(5.0, 0.0))
print(np.power(0.0, -1), np.power(-0.0, -1), np.power(0.0, -2), np.float_power(0, -1), np.power(-8.0, 1 / 3))
print(np.floor_divide(-2**63, -1), np.mod(-2**63, -1), np.fmod(-2**63, -1))

# Python's signs for floor_divide and mod/remainder, C's for fmod.
for a in (7, -7, 6, -6, 0):
    for b in (2, -2, 3, -3):
        print("div", a, b, np.floor_divide(a, b), np.mod(a, b), np.remainder(a, b), np.fmod(a, b), np.divide(a, b))
for a in (7.5, -7.5, 0.0, -0.0, 1e300, INF, NAN):
    for b in (2.0, -2.0, 0.1, INF, -INF):
        print("fdiv", a, b, np.floor_divide(a, b), np.mod(a, b), np.fmod(a, b), np.divide(a, b))

for a in (1.0, -0.0, 0.0, 2.5, -3.0, INF, -INF, NAN):
    for b in (0.0, -0.0, 1.0, -2.5, INF, NAN):
        print("minmax", a, b, np.maximum(a, b), np.minimum(a, b), np.fmax(a, b), np.fmin(a, b))

for a in (0.0, 1.0, -1.0, 2.0, 0.5, -8.0, INF, -INF, NAN):
    for b in (0.0, 1.0, 2.0, -1.0, 0.5, 3.0, INF, -INF, NAN):
        print("pow", a, b, np.power(a, b), np.float_power(a, b))
for a in (2, -2, 3, 10, 0, 1, -1):
    for b in (0, 1, 2, 10, 62, 63):
        print("ipow", a, b, np.power(a, b))

for a in (12, -18, 0, 7, 2**62, -2**63):
    for b in (18, -12, 0, 5, 3):
        print("gcd/lcm", a, b, np.gcd(a, b), np.lcm(a, b))
print(np.gcd(True, 4), np.lcm(6, True))

for a in (3.0, -3.0, 0.0, -0.0, INF, NAN):
    for b in (4.0, -4.0, 0.0, -0.0, INF, -INF, NAN):
        print("geometry", a, b, np.hypot(a, b), f"{np.arctan2(a, b):.12g}", np.copysign(a, b), np.heaviside(a, b), np.nextafter(a, b))
print(np.hypot(3, 4), np.hypot(5e-324, 5e-324), np.hypot(1e308, 1e308), np.arctan2(1, 1), np.nextafter(1, 2), np.nextafter(0, -1))

for a in (0.0, 1.0, -2.0, 1000.0, -1000.0, INF, -INF, NAN):
    for b in (0.0, 1.0, 1000.0, INF, -INF, NAN):
        print("logaddexp", a, b, f"{np.logaddexp(a, b):.12g}", f"{np.logaddexp2(a, b):.12g}")
print(np.logaddexp(INF, INF), np.logaddexp(-INF, -INF), np.logaddexp2(3, 3), np.logaddexp2(-INF, 2), np.logaddexp(0, 0))


def mean_abs_dev(a, b, c):
    # numpy functions composed inside a compiled function, on ints and floats.
    m = np.divide(np.add(np.add(a, b), c), 3)
    return np.divide(np.abs(a - m) + np.abs(b - m) + np.abs(c - m), 3)


print(mean_abs_dev(1, 2, 6), mean_abs_dev(0.5, 0.5, 0.5), np.floor_divide(mean_abs_dev(3, 9, 27), 1))
