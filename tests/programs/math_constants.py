# Covers: math and cmath constants: pi, e, tau, inf, nan, infj, nanj and arithmetic with them.
import math
import cmath
print(math.pi)
print(math.e)
print(math.tau)
print(math.inf, -math.inf)
print(math.nan)
print(math.pi * 2 == math.tau)
print(math.tau / 2)
print(math.e ** 2)
print(math.pi ** 2 / 6)
print(math.inf - math.inf)
print(math.inf * 0)
print(math.inf + 1, math.inf > 1e308, -math.inf < -1e308)
print(math.nan + 1)
print(cmath.pi, cmath.e, cmath.tau)
print(cmath.inf, cmath.infj, cmath.nanj)
print(cmath.nan)
print(f"{math.pi:.10f} {math.e:.5e} {math.tau:g}")
r = 2.0
print(math.pi * r * r)
print(4 / 3 * math.pi * r ** 3)
