# Covers: IEEE double arithmetic results printed exactly: rounding, cancellation, associativity differences, subnormals.
a = 0.1
b = 0.2
c = 0.3
print(a + b, (a + b) + c, a + (b + c))
print(1e16 + 1.0, 1e16 + 2.0, 1e16 + 1.0 - 1e16)
print(1.0 - 0.9, 1.0 - 0.9 - 0.1)
print(0.1 * 3, 0.1 * 10, 3 * 0.1 == 0.3)
print(1.0 / 49.0 * 49.0)
print(2.0 ** 53 + 1.0, 2.0 ** 53 + 2.0)
print(1e-308 / 10, 1e-308 / 1e10, 2.2250738585072014e-308 / 2)
print(4.9e-324 * 0.5, 4.9e-324 * 0.6)
print(123456789.123456789 * 1000)
print(0.1 ** 2, 0.2 ** 3)
print(1.1 + 2.2, 3.3 * 3, 1.15 * 100)
print(100.0 - 99.99, 1e10 + 0.000001)
s = 0.0
for i in range(10):
    s += 0.1
print(s, s == 1.0)
p = 1.0
for i in range(1, 21):
    p *= i
print(p)
x = 1.0
while 1.0 + x != 1.0:
    x /= 2.0
print(x, x * 2.0)
print(7.0 / 3.0 * 3.0, 7.0 - 7.0 / 3.0 * 3.0)
print(-1.5 * 0.0, 0.0 * -1.5, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -1.0)
