# Covers: f-string conversions !r and !s, plain {} of floats/ints/bools/None/complex/tuples, escaped braces.
import math
z = 1.5
n = -3
c = 2 - 3j
t = (1, 2.5, True)
print(f"{z!r} {z!s} {z}")
print(f"{n!r} {n!s}")
print(f"{c!r} {c}")
print(f"{t}")
print(f"{t!r}")
print(f"{math.nan} {math.inf!r} {-math.inf}")
print(f"{0.1 + 0.2!r}")
print(f"{1e16} {1e-7}")
print(f"{True!r} {None!r}")
print(f"{{braces}} {n}")
print(f"{{{n}}}")
print(f"{(1, 2)}")
print(f"{()} {(5,)}")
print(f"{-0.0}")
print(f"{c.real} {c.imag}")
print(f"{c:.2f}")
print(f"{abs(c):.4f}")
print(f"x={z * 2}, y={n ** 2}, ok={z > n}")
print(f"{1j} {-1j} {0j}")
