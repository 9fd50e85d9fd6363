# Covers: min/max with key= (builtins, lambdas, user functions) and default=, over iterables and several arguments; CPython's errors; `...` as a default value.
def neg(x):
    return -x

print(min(3, -5, 2, key=abs), max([3, -5, 2], key=abs), max((1, 2, 3), key=neg), min("banana", key=ord))
print(min([], default=None), max([], default=7), min([4, 1], default=0), max((x * x for x in range(4)), key=lambda v: -v))
print(min(["aa", "b", "ccc"], key=len), max(["aa", "b", "ccc", "ddd"], key=len))
print(min((2, 1, 2), key=lambda t: 0), max([(1, "x"), (3, "y"), (3, "z")]))
print(min((x for x in range(0)), default=-1), max(range(5), default=9), max({1: 2, 5: 0}, key=lambda k: -k))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max((x for x in ()), key=abs)
except ValueError as e:
    print(e)
try:
    min(1, 2, default=0)
except TypeError as e:
    print(e)


def shifted(x, by=...):
    # `...` as a default (as the library's min and max use it for "no default"): `is ...` is decided while typing.
    if by is ...:
        return x
    return x + by


def show_shifted():
    # Called from compiled code: a @jit dispatcher would fill in the default itself and pass `...` from CPython.
    print(shifted(1), shifted(1, 2), ... is ..., shifted(2) is not ...)


show_shifted()
