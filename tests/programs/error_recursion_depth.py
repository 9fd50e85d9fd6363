# Covers: unbounded recursion ends with CPython's RecursionError (not a crashed process); mutual recursion
# within the limit works.


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(even(900), odd(7), depth(900))
print(depth(100000))
