# Covers: abs() of int/float/complex/bool, min()/max() of 2+ args and of tuples, signed zeros, infinities and ties.
import math
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(True))
print(abs(-9223372036854775807), abs(-math.inf), abs(-1e-320))
print(min(3, 1, 2), max(3, 1, 2), min(-1, -5), max(2.5, 1.5))
print(min(1.0, 2.0), max(float(1), 2.0), min(2.0, float(1)), max(2, 1))
print(min(1.0, 1.0), max(-1, -1), min(-2.5, -2.25, -3.0))
print(max(-0.0, 0.0), max(0.0, -0.0), min(0.0, -0.0), min(-0.0, 0.0))
print(min((4, 8, 1, 9)), max((4, 8, 1, 9)), min((2.5,)), max((-1.5, -0.5)))
print(max(True, False), min(False, True), max(False, False))
print(min(5, 4, 3, 2, 1, 0, -1), max(1, 2, 3, 4, 5, 6, 7, 8))
print(max(math.inf, 1e308), min(-math.inf, -1e308))
t = (3.5, -2.25, 7.0, 0.0)
lo = t[0]
hi = t[0]
for v in t:
    lo = min(lo, v)
    hi = max(hi, v)
print(lo, hi, lo == min(t), hi == max(t))
print(abs(-7) + abs(-7.5), max(abs(-3), abs(2)))
