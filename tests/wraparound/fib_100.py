# Wraparound: Fibonacci numbers up to F(100) (int64 overflows after F(92)), plus a wrapped sum of them.
a = 0
b = 1
total = 0
for n in range(101):
    if n >= 88:
        print(n, a)
    total += a
    a, b = b, a + b
print(total)
