# Covers: arithmetic and comparisons with nan and inf (propagation, inf-inf, 0*inf, signed infinities, min/max).
import math
inf = math.inf
nan = math.nan
print(inf + inf, inf - inf, inf * 0.0, inf * -1, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan - nan, -nan)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
print(inf == inf, inf > 1e308, -inf < -1e308, inf == -inf)
print(math.isnan(inf - inf), math.isinf(1e308 * 10), math.isinf(-1e308 * 10))
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 / 1e10)
print(abs(-inf), abs(nan), -(-inf))
print(max(1.0, inf), min(1.0, -inf))
print(2.0 % inf, -2.0 % inf)
print(5.0 // inf, -5.0 // inf)
print(math.floor(1e18), math.ceil(-1e18) < 0)
x = nan
print(x == x, x != x, not x, bool(x))
y = 1.0
for i in range(1100):
    y *= 2.0
print(y, -y, y - y)
z = 1.0
for i in range(1100):
    z /= 2.0
print(z, -z)
print(inf * 1j)
print(complex(inf, 0) * 2)
