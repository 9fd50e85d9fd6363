# Covers: float iteration algorithms: Newton's method for sqrt and cube root, integer Newton isqrt, convergence loops.
import math

def newton_sqrt(x):
    if x == 0.0:
        return 0.0
    g = x if x > 1.0 else 1.0
    while True:
        nxt = 0.5 * (g + x / g)
        if abs(nxt - g) <= 1e-15 * nxt:
            return nxt
        g = nxt

def newton_cbrt(x):
    g = 1.0
    for i in range(100):
        g = g - (g * g * g - x) / (3.0 * g * g)
    return g

def int_sqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

for v in (2.0, 10.0, 0.25, 1e10, 123.456):
    r = newton_sqrt(v)
    print(v, r, abs(r - math.sqrt(v)) < 1e-12 * r)
print(f"{newton_cbrt(27.0):.12f} {newton_cbrt(2.0):.12f}")
for n in (0, 1, 15, 16, 17, 10 ** 12, 4611686018427387903):
    print(n, int_sqrt(n), int_sqrt(n) == math.isqrt(n))
