# Covers: numpy's elementary float functions on floats and ints (int input gives float64): sqrt cbrt exp exp2 expm1 log log2 log10 log1p, trig, hyperbolic and their inverses, degrees/radians, incl. nan, inf, -0.0, zero, negative and out-of-domain inputs (nan/inf, no exception).
import numpy as np

INF = float("inf")
NAN = float("nan")
SPECIAL = (0.0, -0.0, INF, -INF, NAN)


def show(label, x, v):
    # To 12 digits: NumPy's AVX-512 loops (SVML) may differ from libm in the last bit, so only exact results print in full.
    print(label, x, f"{v:.12g}")


for x in SPECIAL:
    print("sqrt/cbrt/exp/exp2/expm1", x, np.sqrt(x), np.cbrt(x), np.exp(x), np.exp2(x), np.expm1(x))
    print("log/log2/log10/log1p", x, np.log(x), np.log2(x), np.log10(x), np.log1p(x))
    print("sin/cos/tan", x, np.sin(x), np.cos(x), np.tan(x))
    print("arcsin/arccos/arctan", x, np.arcsin(x), np.arccos(x), np.arctan(x))
    print("sinh/cosh/tanh", x, np.sinh(x), np.cosh(x), np.tanh(x))
    print("arcsinh/arccosh/arctanh", x, np.arcsinh(x), np.arccosh(x), np.arctanh(x))
    print("degrees/radians", x, np.degrees(x), np.radians(x), np.rad2deg(x), np.deg2rad(x))

# Out of the domain: nan (NumPy warns); poles: infinities.
print(np.sqrt(-1.0), np.sqrt(-4), np.log(-1.0), np.log2(-2), np.log10(-0.5), np.log1p(-2.0))
print(np.log(0), np.log2(0.0), np.log10(-0.0), np.log1p(-1), np.arctanh(1.0), np.arctanh(-1))
print(np.arcsin(2.0), np.arccos(-1.5), np.arccosh(0.5), np.arctanh(1.5))
print(np.exp(1000), np.exp(-1000), np.exp2(1024), np.exp2(-1080), np.expm1(800.0), np.expm1(-800.0))
print(np.cosh(1000.0), np.sinh(-1000.0), np.tanh(1000.0), np.tanh(-1000.0))

# Exact values print the same in full.
print(np.sqrt(4), np.sqrt(2), np.sqrt(0.25), np.sqrt(1e300), np.sqrt(5e-324), np.sqrt(2**62))
print(np.cbrt(-8.0), np.cbrt(1e-300), np.exp(0), np.exp2(10), np.exp2(-1), np.exp2(0.5 * 2))
print(np.log(1), np.log2(8), np.log2(1024.0), np.log2(0.125), np.log10(1000), np.log10(1e-5))
print(np.expm1(0.0), np.log1p(0), np.sin(0), np.cos(0), np.tan(-0.0), np.arcsin(0), np.arccos(1))
print(np.arctan(0.0), np.sinh(0), np.cosh(0), np.arcsinh(-0.0), np.arccosh(1), np.arctanh(0))
print(np.degrees(np.pi), np.radians(180), np.rad2deg(np.pi / 2), np.deg2rad(90), np.degrees(1))

# Int and float inputs give float64 results.
def unary_table(x):
    show("exp", x, np.exp(x))
    show("expm1", x, np.expm1(x))
    show("log1p", x, np.log1p(x))
    show("sin", x, np.sin(x))
    show("cos", x, np.cos(x))
    show("tan", x, np.tan(x))
    show("arctan", x, np.arctan(x))
    show("sinh", x, np.sinh(x))
    show("cosh", x, np.cosh(x))
    show("tanh", x, np.tanh(x))
    show("arcsinh", x, np.arcsinh(x))
    show("cbrt", x, np.cbrt(x))


def log_table(x):
    show("log", x, np.log(x))
    show("log2", x, np.log2(x))
    show("log10", x, np.log10(x))
    show("arccosh", x, np.arccosh(x + 1))


for x in (0.5, 3.0, -2.5, 1e-8):
    unary_table(x)
for n in (1, 2, 10, 100, -3):
    unary_table(n)
for x in (0.5, 10.5, 1e-8, 1e300):
    log_table(x)
for n in (1, 2, 7, 1000):
    log_table(n)
for x in (0.5, -0.25, 0.99, -1.0, 1e-8):
    show("arcsin", x, np.arcsin(x))
    show("arccos", x, np.arccos(x))
    show("arctanh", x, np.arctanh(x))


def smooth(n):
    # Functions of NumPy scalars inside a compiled function: a running total of a Gaussian.
    total = 0.0
    k = 0
    while k < n:
        total = total + np.exp(-0.5 * (k / 10.0) ** 2) / np.sqrt(2 * np.pi)
        k += 1
    return total


print(f"{smooth(50):.10f}")
