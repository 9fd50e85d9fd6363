# Covers: module-level constants (ints, floats, complex, tuples, derived from other constants) used inside functions.
N = 10
RATE = 0.05
G = 9.81
ORIGIN = (0.0, 0.0)
WEIGHTS = (1, 2, 3, 4)
LIMIT = N * 100
HALF = RATE / 2
ROOT = 1 + 1j
LIMITS = (LIMIT, -LIMIT)

def grow(principal, years):
    v = principal
    for _ in range(years):
        v *= 1 + RATE
    return v

def fall_time(h):
    return (2 * h / G) ** 0.5

def weighted(t):
    s = 0
    for i in range(len(WEIGHTS)):
        s += WEIGHTS[i] * t[i]
    return s

def dist_origin(p):
    return ((p[0] - ORIGIN[0]) ** 2 + (p[1] - ORIGIN[1]) ** 2) ** 0.5

print(N, RATE, G, ORIGIN, WEIGHTS, LIMIT, HALF, ROOT, LIMITS)
print(grow(1000, N))
print(fall_time(100.0))
print(weighted((1, 1, 1, 1)), weighted((4, 3, 2, 1)))
print(dist_origin((3.0, 4.0)))
print(ROOT ** 2, LIMITS[1])
