# Exported by tests/SharpJit.Tests/Export/ExportTests.cs (and tests/python/test_export.py): each function is called
# by driver.c from the exported object and by driver.py under CPython, and both must print the same.
import math


def series(x, n):
    if n < 0:
        raise ValueError(f"bad n: {n}")
    s = 0.0
    for i in range(n):
        s += math.sin(x * i) + i // 3
    return s


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def describe(x, k):
    print("x =", x, "k =", k, "x/k =", x / k, "neg:", -x, "big:", x * 1e20, "tiny:", x / 1e7)
    print(f"[{x:>10.3f}] [{k:05d}] [{x:e}] [{k:,}] [{k:_b}] [{k:#x}] [{k:o}] [{x:+.2%}] [{x:^12}] [{x:g}]")
    print(f"[{'py':*^9}] [{'left':<8}] [{'abc':.2}] [{k:=+8}] [{x:.0f}] [{-x:010.2f}] [{x:12.4E}] [{k % 50 + 65:c}]")
    print(f"[{x}] [{k!r}] [{True}] [{x == x}] [{1e16}] [{1e-5}] [{0.1 + 0.2}] [{-0.0}] [{2.0 ** 70}]")
    print(round(x, 2), round(x), round(k, -2), abs(-k), k ** 3, divmod(k, 7), 7.5 // 2.0, -7 // 2, -7 % 3)
    print(complex(x, k), complex(0, x), abs(x) ** 0.5, int(x * 1000), float(k), k / 4, (k, x))
    return k * 2


def checked_div(a, b):
    return a // b


def flag(x, lo, hi):
    return lo <= x <= hi


def narrow(a, b):
    return a * b + 1


def nothing(n):
    if n > 10:
        raise OverflowError("too big")
    print("nothing", n)


def guarded(a, b):
    try:
        q = a // b
    except ZeroDivisionError as e:
        print("caught", e, repr(e))
        q = -1
    finally:
        print("checked", a, b)
    if q > 100:
        try:
            raise ValueError(f"big {q}")
        except LookupError:
            q = 0
    return q
