# Covers: functions that never return normally (every path raises; fuzz-3) used for their value: typed NoReturn, the code after the call is dead and CPython's exception comes at run time
def fail(a):
    if True:
        raise OverflowError(f"bad {a}")
    return a + 1


def never(x):
    assert False, "never"


def twice(a):
    return fail(a) * 2


def choose(x):
    y = fail(x) if x > 100 else x * 2
    return y + 1


def scale(x):
    if x < 0:
        return never(x) * 1.5
    return x / 2


def pick(n):
    total = 0
    for i in range(n):
        total += i if i < 10 else fail(i)
    return total


print(choose(3), choose(50))
print(scale(3), scale(7))
print(pick(5))
print(twice(3))
