# Covers: type(x) (printing, `is`/`==` against classes, __name__, type() of exceptions, caught ones at run time),
# classes as values (print(int)), and tuple() of a tuple or of a generator expression over a tuple.
class AppError(Exception):
    pass


class ParseError(AppError):
    pass


def kind(x):
    if type(x) is int:
        return "int"
    if type(x) == float:
        return "float"
    if type(x) is str:
        return "str"
    return type(x).__name__


print(type(1), type(2.5), type("s"), type(True), type(None), type((1, 2)), type([1]), type({1: 2}), type({1}), type(1j))
print(type(range(3)), type(int), type(ValueError), int, float, str, list, dict, tuple, bool, ValueError, AppError)
print(kind(1), kind(2.5), kind("a"), kind(True), kind((1,)), kind([1.5]), type({2}).__name__, kind(None))
print(type(1) is int, type(1) is not float, type(True) == bool, type(True) is int, type(1) != int, type(2) is type(3))
print(type(3).__name__, type([1]).__name__, int.__name__, ValueError.__name__, AppError.__name__, type(None).__name__)
print(type(7)("12") + 1, type(2.5)(3), type(None)(), str(type(1)), f"{type('x')}", repr(type(1.5)))


def classify(n):
    try:
        if n == 0:
            raise ParseError("p")
        if n == 1:
            raise AppError("a")
        raise KeyError(n)
    except (AppError, KeyError) as e:
        cls = type(e)
        print(cls, cls.__name__, cls is ParseError, cls == AppError, type(e) is KeyError, type(e) is not ValueError, f"[{cls}]")
        try:
            raise ValueError("other")
        except ValueError as other:
            print(type(other) is type(e), type(e) == type(e))


for n in range(3):
    classify(n)
print(type(ParseError("x")), type(ValueError()) is ValueError, type(ParseError()) is AppError)

t = tuple(x * 2 for x in (1, 2, 3))
names = tuple(s + "!" for s in ("a", "bc"))
print(t, names, tuple((1, "x")), tuple(), tuple(v + 1 for v in (1.5, 2.5)), type(t))
print(tuple(f"{k}:{k * k}" for k in (3, 4, 5)), len(tuple(c for c in ())))

import numpy as np

x = np.float32(1.5)
print(type(x), type(x) is np.float32, type(x).__name__, type(np.int8(3)) == np.int8, np.float64)
