# Covers: float floor division and modulo (all sign combinations, mixed int/float, signed zeros, inf).
import math

def show(a, b):
    print(a, b, a // b, a % b)

show(7.5, 2.0)
show(-7.5, 2.0)
show(7.5, -2.0)
show(-7.5, -2.0)
show(7, 2.5)
show(-7, 2.5)
show(7.0, -2)
show(-7.0, -2)
show(6.0, 3.0)
show(-6.0, 3.0)
show(6.0, -3.0)
show(0.0, 5.0)
show(-0.0, 5.0)
show(0.0, -5.0)
show(1.0, 0.1)
show(-1.0, 0.1)
show(0.3, 0.1)
show(1e300, 3.0)
show(-1e-300, 1.0)
show(5.0, math.inf)
show(-5.0, math.inf)
show(5.0, -math.inf)
print(divmod(7.5, -2.0))
print(divmod(-7.5, 2.0))
print(math.fmod(-7.5, 2.0))
print(math.fmod(7.5, -2.0))
x = -3.25
for d in (1.0, -1.0, 0.5, -0.5, 2.0, -2.0):
    print(x // d, x % d)
