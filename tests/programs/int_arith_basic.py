# Covers: basic int arithmetic (+, -, *, //, %, **, unary -, +) and precedence.
a = 17
b = 5
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b)
print(a % b)
print(a ** 2)
print(b ** 0)
print(0 ** 0)
print(-a)
print(+a)
print(-(-a))
print(2 + 3 * 4)
print((2 + 3) * 4)
print(2 ** 3 ** 2)
print(-2 ** 2)
print((-2) ** 2)
print((-2) ** 3)
print(10 - 3 - 2)
print(100 // 7 // 2)
print(7 * 6 % 5)
print(a * b - a // b + a % b)
print(1000000 * 1000000)
print(123456789 * 987654321)
print(3 ** 39)
print(-7 * -8)
print(0 * -5)
x = 1
i = 0
while i < 10:
    x = x * 3 + 1
    i += 1
print(x)
print(a, b, a + b, a * b)
