# Covers: ** with floats (negative exponents, 0.0 ** 0, fractional exponents of positive bases), int ** nonnegative int.
import math
print(2.0 ** -1)
print(2.0 ** -10)
print(10.0 ** -3)
print(2 ** -1.0)
print(0.0 ** 0)
print(0.0 ** 0.0)
print(0 ** 0.0)
print(0.0 ** 2)
print(2.0 ** 0.5)
print(9.0 ** 0.5)
print(8.0 ** (1.0 / 3.0))
print((-2.0) ** 3)
print((-2.0) ** 2.0)
print((-2.0) ** -2)
print(1.0 ** math.inf)
print(1.0 ** math.nan)
print(math.nan ** 0)
print(2.0 ** math.inf)
print(0.5 ** math.inf)
print(2.0 ** -math.inf)
print(math.inf ** -1)
print(math.inf ** 0.5)
print((-math.inf) ** 3)
print(1.5 ** 100)
print(1.0000001 ** 1000000)
print(2 ** 10)
print(2 ** 0)
print(7 ** 22)
print((-3) ** 5)
print((-1) ** 1001)
print(10 ** 18)
print(2.5 ** 2)
print(2 ** 0.5)
print(4 ** 0.5)
b = 3
e = 4
print(b ** e, float(b) ** e, b ** float(e))
print(pow(2.0, -2), pow(2, 3.0))
print(math.pow(2, 10), math.pow(-2, 3), math.pow(0, 0))
print(1e-200 ** 2)


def power(base, exponent):
    return base ** exponent


# An infinite exponent is settled before the zero base (fuzzer seed 1002160): 0.0 ** -inf is inf, not an error.
print(power(0.0, -math.inf), power(-0.0, -math.inf), power(0.0, math.inf), power(0.5, -math.inf), power(-0.0, -3.0 * 0 + 3))
