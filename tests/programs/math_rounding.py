# Covers: math.floor/ceil/trunc on floats incl. negatives and exact ints, fmod with signs, fabs, copysign, modf.
import math
vals = (2.5, -2.5, 0.5, -0.5, 3.0, -3.0, 1e-9, -1e-9, 123456.789)
for v in vals:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v), round(v))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3))
print(math.fmod(5.5, 1.5), math.fmod(-5.5, 1.5), math.fmod(0.0, 1.0), math.fmod(-0.0, 1.0))
print(math.fmod(1.0, math.inf), math.fmod(-1e-300, 7.0))
print(math.fabs(-7), math.fabs(-math.inf))
print(math.copysign(0.0, -1.0), math.copysign(2, -3), math.copysign(-2, 3))
print(math.modf(-0.0), math.modf(1e20))
print(-7.5 % 2, math.fmod(-7.5, 2))
for v in (0.1, 0.5, 0.9, 1.0, -0.1, -0.5, -0.9, -1.0):
    print(v, math.floor(v) + math.ceil(v), math.trunc(v) == int(v), math.floor(v * 10) / 10)
x = 1e18 + 0.5
print(math.floor(x), math.ceil(x), math.trunc(-x))
print(math.fabs(-123), math.floor(-1e-300), math.ceil(1e-300))
acc = 0
for k in range(-5, 6):
    acc += math.floor(k / 2) - math.ceil(k / 2) + math.trunc(k / 3)
print(acc)
