# Covers: int(), float(), bool() conversions between numeric types (truncation toward zero, large floats, bools).
import math
print(int(3.7), int(-3.7), int(3.2), int(-3.2), int(0.9999), int(-0.0))
print(int(1e18), int(-1e18), int(9.2e18), int(2.0 ** 62))
print(int(True), int(False), int(7), int())
print(float(3), float(-3), float(True), float(), float(2 ** 62))
print(float(9007199254740993), float(9223372036854775807))
print(float(1.5), float(math.inf), float(-0.0))
print(bool(1), bool(0), bool(-0.0), bool(0.0), bool(math.nan), bool(math.inf))
print(bool(0j), bool(1j), bool(()), bool((0,)), bool(None), bool())
print(int(123.999999999), int(1e-300), int(-1e-300))
x = 10
y = float(x) / 4
print(y, int(y), int(y * 4) == x)
for v in (0.5, 1.5, 2.5, -0.5, -1.5):
    print(v, int(v), round(v), math.floor(v), math.ceil(v))
print(int(float(123456789)), float(int(1.9e3)))
print(int(int(5.9)), float(float(2)))
total = 0
for v in (1.9, -1.9, 2.5, -2.5):
    total += int(v)
print(total)
print(float(int(-7.9)), bool(int(0.5)), int(bool(-3)))
