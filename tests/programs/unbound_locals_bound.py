# Covers: variables assigned on some paths only, read where they are bound (no false UnboundLocalError), and a loop variable read after a loop that ran (issue 12 item 10)
def loopvar(n):
    for i in range(n):
        pass
    return i


def cond(n):
    if n > 0:
        r = n
    if n > 0:
        return r
    return -1


def carried(n):
    total = 0
    for k in range(n):
        if k > 1:
            total += last
        last = k
    return total


def folded(n):
    if False:
        x = 1
    if n > 2:
        return 5
    return x + n


print(loopvar(3), cond(5), cond(-5), carried(4), folded(3))


def never_assigned(n):
    # an augmented assignment in a loop that does not run: the variable never gets a value (fuzzer seed 1200554)
    for i in range(n):
        acc ^= 1
    return 1.5


print(never_assigned(0))
