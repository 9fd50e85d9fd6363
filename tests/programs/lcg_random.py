# Covers: a deterministic pseudo-random generator kept within int64 using masks and modulo; Monte Carlo pi estimate.
M = 2147483647
A = 48271

def step(s):
    return (s * A) % M

def to_unit(s):
    return s / M

seed = 12345
for i in range(5):
    seed = step(seed)
    print(seed)
inside = 0
n = 20000
s = 42
for i in range(n):
    s = step(s)
    x = to_unit(s)
    s = step(s)
    y = to_unit(s)
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4.0 * inside / n)
h = 2166136261
for v in range(100):
    h = ((h ^ v) * 16777619) & 0xFFFFFFFF
print(h, f"{h:08x}")
x = 88172645463325252 & 0xFFFFFFFFFF
for i in range(10):
    x ^= (x << 13) & 0xFFFFFFFFFF
    x ^= x >> 7
    x ^= (x << 17) & 0xFFFFFFFFFF
print(x)
