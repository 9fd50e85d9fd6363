# Covers: float root finding (bisection, secant), function parameters as plain values, loops with float convergence tests.
import math

def f(x):
    return x * x * x - 2.0 * x - 5.0

def g(x):
    return math.cos(x) - x

def bisect_f(lo, hi):
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
        if hi - lo < 1e-14:
            break
    return (lo + hi) / 2

def secant_g(x0, x1):
    for _ in range(50):
        f0 = g(x0)
        f1 = g(x1)
        if f1 == f0:
            break
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
        x0, x1 = x1, x2
    return x1

r = bisect_f(2.0, 3.0)
print(f"{r:.12f}")
print(abs(f(r)) < 1e-12)
s = secant_g(0.0, 1.0)
print(f"{s:.15f}", abs(g(s)) < 1e-15)
