# Covers: numpy functions on complex scalars: sqrt exp exp2 expm1 log log2 log10 log1p, trig and hyperbolic and their inverses, abs, sign, square, reciprocal, conjugate, rint/round, power/float_power, divide, maximum/minimum (lexicographic), fmax/fmin, isnan/isinf/isfinite; complex with inf/nan parts, branch cuts with signed zeros.
import numpy as np

INF = float("inf")
NAN = float("nan")


def c12(z):
    # To 12 digits: NumPy's AVX-512 loops may differ from libm in the last bit (exact results are printed in full).
    return f"({z.real:.12g}, {z.imag:.12g})"


print(np.sqrt(-4 + 0j), np.sqrt(complex(-4, -0.0)), np.sqrt(-1 + 0j), np.sqrt(2j), np.sqrt(0j), np.sqrt(3 + 4j))
print(np.exp(0j), np.log(1 + 0j), np.log(0j), np.log(complex(-0.0, 0.0)), np.log(-1 + 0j), np.log(complex(-1, -0.0)))
print(np.log10(-1 + 0j), np.log2(1j), np.log10(100 + 0j), np.exp2(2 + 0j), np.expm1(0j), np.log1p(0j))
print(np.sin(0j), np.cos(0j), np.tan(0j), np.arcsin(0j), np.arccos(1 + 0j), np.arctan(0j))
print(np.sinh(0j), np.cosh(0j), np.tanh(0j), np.arcsinh(0j), np.arccosh(1 + 0j), np.arctanh(0j))
print(np.arcsin(2 + 0j), np.arcsin(complex(2, -0.0)), np.arccos(2 + 0j), np.arccosh(0.5 + 0j), np.arctanh(2 + 0j))

for z in (1 + 2j, -0.5 + 0.25j, 3 - 4j, 2j, -1.5 + 0j):
    print("exp/log", z, c12(np.exp(z)), c12(np.exp2(z)), c12(np.expm1(z)), c12(np.log(z)), c12(np.log2(z)), c12(np.log10(z)), c12(np.log1p(z)))
    print("trig", z, c12(np.sin(z)), c12(np.cos(z)), c12(np.tan(z)), c12(np.arcsin(z)), c12(np.arccos(z)), c12(np.arctan(z)))
    print("hyp", z, c12(np.sinh(z)), c12(np.cosh(z)), c12(np.tanh(z)), c12(np.arcsinh(z)), c12(np.arccosh(z)), c12(np.arctanh(z)))

# C99 special values (NumPy calls the C library for these).
for re in (0.0, -0.0, 1.0, INF, -INF, NAN):
    for im in (0.0, -0.0, 2.0, INF, -INF, NAN):
        z = complex(re, im)
        print("special", z, np.sqrt(z), np.exp(z), np.log(z), np.sinh(z), np.tanh(z), np.arcsinh(z), np.arctan(z))
        print("pred", z, np.isnan(z), np.isinf(z), np.isfinite(z), np.abs(z), np.sign(z), np.conjugate(z), np.rint(z))

# abs gives float64; sign in NumPy 1.24 is the sign of the first nonzero part, as a complex.
print(np.abs(3 + 4j), np.abs(-5j), np.abs(complex(INF, NAN)), np.absolute(0j))
print(np.sign(2 - 3j), np.sign(-2j), np.sign(0j), np.sign(complex(-0.0, 5)), np.sign(complex(NAN, 1)))
print(np.square(1 + 1j), np.square(3 - 2j), np.square(complex(INF, 1)), np.reciprocal(1 + 1j), np.reciprocal(0j), np.reciprocal(complex(INF, 0)))
print(np.reciprocal(2j), np.reciprocal(-4 + 0j), np.conj(1 - 2j), np.round(1.5 + 2.5j), np.round(1.234 - 5.678j, 1), np.around(12.5 + 0.5j, -1))

# Powers: integer exponents by repeated multiplication, 0 ** z special cases.
for z in (1 + 1j, 2j, -1 + 0j, 0.5 - 0.5j):
    for n in (0, 1, 2, 3, 4, -1, -2, 5):
        print("power", z, n, np.power(z, n), np.float_power(z, n))
print(np.power(0j, 0), np.power(0j, 2), np.power(0j, -1), np.power(0j, 1j), np.power(0j, 2 + 1j), np.power(1j, 1j))
print(c12(np.power(1 + 1j, 0.5)), c12(np.power(2.0, 1 + 1j)), c12(np.power(-8 + 0j, 1 / 3)), c12(np.float_power(-1, 0.5 + 0j)))

# Division: NumPy's own algorithm; a zero divisor gives infinities/nans instead of ZeroDivisionError.
print(np.divide(1j, 2), np.divide(1 + 1j, 1 - 1j), np.divide(3 + 4j, 2j), np.divide(5, 1 + 2j), np.true_divide(1 + 2j, 0.5))
print(np.divide(1j, 0), np.divide(1 + 1j, 0j), np.divide(0j, 0j), np.divide(1, complex(INF, 0)))
print(np.add(1 + 2j, 3), np.subtract(1j, 1), np.multiply(2, 1 + 1j), np.multiply(1j, 1j), np.add(True, 1j))

# Lexicographic order: the real part first, then the imaginary part; nan wins in maximum, loses in fmax.
for a in (1 + 2j, 1 + 3j, 2 + 0j, complex(NAN, 0), complex(0, NAN)):
    for b in (1 + 2j, 1 - 1j, 0.5 + 9j, complex(NAN, 1)):
        print("cmax", a, b, np.maximum(a, b), np.minimum(a, b), np.fmax(a, b), np.fmin(a, b))
print(np.maximum(1 + 1j, 2), np.minimum(3, 1j), np.maximum(True, 0.5j))
