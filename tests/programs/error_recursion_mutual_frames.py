# Covers: a RecursionError's traceback shows every frame CPython shows: a mutual recursion entered through a helper
# alternates its two call sites (no "[Previous line repeated]"), and the limit counts the frames above the cycle.


def ping(n):
    return 0 if n < 0 else pong(n + 1) + 1


def pong(n):
    return ping(n + 1) * 2


def count(n):
    return ping(n)


print(count(-1), count(-5))
print(count(0))
