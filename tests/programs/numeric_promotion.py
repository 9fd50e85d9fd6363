# Covers: int -> float -> complex promotion in binary ops, bool -> int, and the result types (checked via isinstance).
i = 3
f = 2.0
c = 1 + 2j
b = True
print(i + f, i - f, i * f, i / f, i // f, i % f, i ** f)
print(i + c, f * c, c - i, c / f, c ** 2)
print(b + i, b + f, b + c, b * b)
print(isinstance(i + f, float), isinstance(i + c, complex), isinstance(b + b, int), isinstance(b + f, float))
print(isinstance(i * i, int), isinstance(i / i, float), isinstance(i // i, int), isinstance(f // f, float))
print(1 + 2.0 + 3j)
print(10 // 4, 10.0 // 4, 10 // 4.0)
print(10 % 4, 10.0 % 4, 10 % 4.0)
print(2 ** 3, 2.0 ** 3, 2 ** 3.0)
print(i == 3.0 == 3 + 0j)
print(-i, -f, -c, -b)
print(1 + 0.1 + 0.01, 1 + (0.1 + 0.01))
x = 1
x = x + 0.5
x = x + 0.5j
print(x)
big = 9007199254740993
print(big + 0.0, big * 1.0, big + 1)
print(abs(i - f), abs(c - 1), abs(-b))
print(round(i / f), round(f * i))
