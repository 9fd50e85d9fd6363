import math


def stats(t):
    total = sum(x * x for x in t)
    small = min(x for x in t if x > 1)
    big = max(abs(x - 3) for x in t)
    pos = any(x < 0 for x in t)
    every = all(x != 0 for x in t)
    return total, small, big, pos, every


def pairs(n):
    return sum(i * j for i in range(n) for j in range(i) if (i + j) % 2 == 0)


def first_key(t):
    k = 100
    best = max(k * 2 for k in t)
    return k, best


def floats(n):
    return sum(math.sqrt(i) for i in range(1, n)), min((i - 3.5) ** 2 for i in range(n))


def tuples(ps):
    return max(p[1] for p in ps), sum(a * b for a, b in ps), any(a > b for a, b in ps)


print(stats((4, 2, 9, 1, 3)))
print(pairs(10), first_key((1, 5, 2)), floats(10))
print(tuples(((1, 2.5), (3, 0.5), (2, 4.0))))
print(all(x > 0 for x in ()), any(x > 0 for x in ()), sum(x for x in ()))
print(min(x for x in range(0)))
