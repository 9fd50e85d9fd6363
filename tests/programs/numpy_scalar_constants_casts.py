# Covers: numpy import forms, NumPy's constants, the 64-bit scalar casts (float64, int64, bool_, complex128 and aliases) and how their results print.
import math
import numpy as np
import numpy
from numpy import pi as PI, float64, sqrt as root

TWO_PI = 2 * np.pi

print(np.pi, np.e, np.euler_gamma, numpy.pi, PI, TWO_PI)
print(np.inf, np.Inf, np.Infinity, np.infty, np.PINF, np.NINF)
print(np.nan, np.NaN, np.NAN, np.PZERO, np.NZERO, np.True_, np.False_)
print(np.nan == np.nan, np.isnan(np.NAN), np.copysign(1.0, np.nan), np.copysign(1.0, np.NZERO))
# Python's NaN constants have the sign bit clear; float("-nan") has it set.
print(np.signbit(float("nan")), np.signbit(float("-nan")), np.signbit(math.nan), np.copysign(1.0, math.nan), np.signbit(-np.nan))
print(root(2.0), numpy.sqrt(16))

# np.float64 converts like float(): ints (even beyond 2**53), bools, numeric strings.
print(np.float64(), np.float64(3), np.float64(True), np.float64(-0.0), np.float64("1.5"), np.float64("-inf"))
print(np.float64(2**62 + 1), np.float64(1e16), np.float64(1e15), np.float64(1e-5), np.float64(0.0001))
print(float64(123456789012345678), np.float_(7), np.double(0.1))
print(np.float64(1e308) * 10, -np.float64(5e-324))

# np.int64 truncates toward zero; NaN and infinities raise (tested in error_ programs).
print(np.int64(), np.int64(2.7), np.int64(-2.7), np.int64(True), np.int64(-0.0), np.int64(9.2e18))
print(np.int_(3.99), np.intp(-7), np.longlong(2**63 - 1), np.int64(-2**63))

# np.bool_ is truthiness: NaN and nonzero complex are true, signed zeros false.
print(np.bool_(), np.bool_(0.0), np.bool_(-0.0), np.bool_(np.nan), np.bool_(3), np.bool_(0), np.bool_(1j), np.bool_(0j))

print(np.complex128(), np.complex128(3), np.complex128(-2.5), np.complex128(True), np.complex128(1 - 2j))
print(np.complex_(1e16), np.cdouble(-0.0), np.complex128(complex(np.inf, np.nan)))

# Results print exactly as Python's floats: repr, str, f-strings and format specs.
x = np.sqrt(2.0)
print(x, str(x), repr(x), f"{x}", f"{x:.3f}", f"{x:10.4e}", f"{x!r}")
print(np.float64(1e16), np.float64(1e-4), np.float64(12345678.9), f"{np.float64(1e16):g}", f"{np.int64(42):05d}")
print(f"{np.complex128(1.5 - 2j)}", f"{np.abs(-7)}", str(np.bool_(1.5)))
