# Covers: recursive functions returning floats and tuples (continued fractions, harmonic numbers, pair recursion).
def harmonic(n):
    if n == 0:
        return 0.0
    return 1.0 / n + harmonic(n - 1)

def cfrac_sqrt2(depth):
    if depth == 0:
        return 1.0
    return 1.0 + 1.0 / (1.0 + cfrac_sqrt2(depth - 1))

def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return (c, d)
    return (d, c + d)

def sum_digits(n):
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)

def digital_root(n):
    if n < 10:
        return n
    return digital_root(sum_digits(n))

print(harmonic(10))
print(harmonic(100))
print(cfrac_sqrt2(30))
for k in (0, 1, 2, 10, 50, 90):
    print(k, fib_pair(k))
print(fib_pair(92)[0])
print(sum_digits(9876543210), digital_root(9876543210))
