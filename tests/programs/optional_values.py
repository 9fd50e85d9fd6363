# Optional values: None on one path and a value on another (issue 10). `is None` narrows; other uses raise
# CPython's TypeError when the value is None.
import math


def pick(n):
    if n > 0:
        return f"item{n}"
    return None


def pair(n):
    return (n, n * 2.0) if n % 2 else None


def total(ns):
    s = 0
    for n in ns:
        p = pair(n)
        if p is not None and p[1] > 2:
            s += p[0]
    return s


def label(n):
    v = pick(n)
    if v is None:
        v = "none"
    return v + "!"


def maybe_sqrt(x):
    r = None
    if x >= 0:
        r = math.sqrt(x)
    return r


def use(r, k):
    if k == 0:
        print(r < 1.0)
    elif k == 1:
        print(math.floor(r))
    elif k == 2:
        print(-r)
    else:
        print(r * 2)


def passthrough(x):
    return x


def apply(n):
    return passthrough(pick(n))


print(pick(3), pick(0), pair(3), pair(4), total((1, 2, 3, 4, 5)))
print(label(2), label(-2), maybe_sqrt(16.0), maybe_sqrt(-1.0), apply(5), apply(-5))
print(repr(pick(3)), repr(pick(0)), f"{maybe_sqrt(2.0):.3f}")
for k in range(4):
    try:
        use(maybe_sqrt(-4.0), k)
    except TypeError as e:
        print("TypeError:", e)
    use(maybe_sqrt(4.0), k)
