# Starred items in list, set and tuple displays and ** in dict displays, compared with CPython (evaluation order too).

def noisy(tag, value):
    print("eval", tag)
    return value


def lists(n):
    a = [1, 2]
    t = (3, 4)
    print([*a, n, *a])
    print([*t, *a])
    print([*range(n)])
    f = [0.5]
    print([*f, *f])
    print([noisy("x", 0), *noisy("a", a), noisy("y", 9)])
    print([*[], *a])
    print(["w", *"hey".split("e"), "z"])


def sets(n):
    a = [1, 2, 2]
    print(sorted({*a, n, *a}))
    print(sorted({*range(n), *(7, 8)}))


def dicts(n):
    base = {1: "one", 2: "two"}
    more = {2: "TWO", n: "n"}
    print({**base, 3: "three", **more})
    print({0: "zero", **base, 0: "again"})
    print({**base})


lists(4)
sets(5)
dicts(9)
