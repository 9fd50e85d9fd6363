# Covers: float accumulation loops: trapezoid and Simpson integration, Riemann sums, series for e and pi.
import math

def trapezoid(a, b, n):
    h = (b - a) / n
    s = 0.5 * (math.sin(a) + math.sin(b))
    for i in range(1, n):
        s += math.sin(a + i * h)
    return s * h

def simpson(a, b, n):
    h = (b - a) / n
    s = math.exp(a) + math.exp(b)
    for i in range(1, n):
        w = 4 if i % 2 == 1 else 2
        s += w * math.exp(a + i * h)
    return s * h / 3

def e_series(terms):
    total = 0.0
    term = 1.0
    for k in range(terms):
        total += term
        term /= k + 1
    return total

def wallis(n):
    p = 1.0
    for k in range(1, n + 1):
        p *= 4.0 * k * k / (4.0 * k * k - 1.0)
    return 2 * p

print(f"{trapezoid(0.0, math.pi, 1000):.10f}")
print(f"{simpson(0.0, 1.0, 100):.12f} {math.e - 1:.12f}")
print(e_series(20), math.e)
print(f"{wallis(10000):.6f}")
