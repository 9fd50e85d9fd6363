# Covers: round() with 1 arg (banker's rounding, returns int) and 2 args (float, int, negative ndigits).
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.4), round(2.6), round(-2.4), round(-2.6))
print(round(1e15 + 0.5), round(123456789.5))
print(round(7), round(-7), round(True))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(-1234.5, -1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(1234, 2), round(-7, 0))
print(round(0.1 + 0.2, 10), round(1e300, 2), round(5e-324, 2))
print(round(-0.4), round(-0.0, 1), round(0.0))
print(round(2.5, 0), round(3.5, 0), round(-2.5, 0))
print(round(123.456, 5), round(1e-5, 4), round(9.995, 2))
x = 0.0
for i in range(7):
    print(round(x, 1), round(x), end=" | ")
    x += 0.25
print()
print(isinstance(round(2.5), int), isinstance(round(2.5, 0), float), isinstance(round(25, -1), int))
