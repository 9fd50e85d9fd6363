# Covers: math functions that are total on the reals (fabs atan erf erfc tanh asinh cbrt) as the only operation of a
# function, which the compiler treats as unable to raise; with infinities and nan.
import math


def fabs(x): return math.fabs(x)
def atan(x): return math.atan(x)
def erf(x): return math.erf(x)
def erfc(x): return math.erfc(x)
def tanh(x): return math.tanh(x)
def asinh(x): return math.asinh(x)
def cbrt(x): return math.cbrt(x)


for x in (0.5, -2.0, 0.0, -0.0, 1e308, math.inf, -math.inf, math.nan):
    print(fabs(x), atan(x), erf(x), erfc(x), tanh(x), asinh(x), cbrt(x))
print(fabs(-3), atan(True), cbrt(27))
