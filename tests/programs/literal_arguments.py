# Covers: functions specialised on constant arguments where their typing needs a constant (as Numba's literal
# dispatch, inside compiled code): a tuple index passed in, through a second function, negative, in a recursive function, a tuple slice's bound, and a bool
# flag that selects a branch; the same function called with run-time values where those type without constants.
def pick(t, k):
    return t[k]


def pick_via(t, k):
    return pick(t, k)


def describe(t, k, loud):
    x = t[k]
    if loud:
        return str(x) + "!"
    return str(x)


def countdown(t, k):
    if k == 0:
        return 0
    return countdown(t, k - 1) + 1


def tail(t, k):
    return t[k:]


def scaled(x, k):
    return x * k


def main():
    rec = (1, 2.5, "x")
    print(pick(rec, 0), pick(rec, 1), pick(rec, 2), pick(rec, -1))
    print(pick_via(rec, 1), pick_via(rec, -3))
    print(describe(rec, 2, True), describe(rec, 0, False))
    print(countdown(rec, 3))
    print(tail(rec, 1), tail(rec, -1), tail((4, 5), 2))
    for i in range(3):
        print(pick((5, 6, 7), i), scaled(2.5, i))
    print(scaled(1.5, 2), scaled(3, 4))


main()
