# Covers: values sent into generators (x = yield v, g.send(v); next() sends None), yield as an expression anywhere
# (augmented assignment, a call's argument, a bare `yield`), sent values of several types (int, float, str, list),
# a just-started generator refusing a value, send to a finished generator, generators never sent to (None).
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def accumulate():
    total = 0
    while True:
        total += (yield total)


def printer():
    while True:
        print("got", (yield))


def collect(limit):
    seen = []
    while len(seen) < limit:
        item = yield len(seen)
        if item is None:
            print("next() sent None")
        else:
            seen.append(item)
    return seen


def joiner(sep):
    parts = []
    while True:
        batch = yield sep.join(parts)
        parts.extend(batch)


def unused_value():
    x = yield 1
    print("x is", x)
    yield 2


def main():
    a = averager()
    print(next(a))
    print(a.send(10), a.send(20), a.send(4.5))
    acc = accumulate()
    print(next(acc), acc.send(5), acc.send(7), acc.send(-2))
    p = printer()
    next(p)
    p.send("hello")
    p.send(None)
    c = collect(2)
    print(next(c), c.send("a"), next(c))
    try:
        c.send("b")
    except StopIteration:
        print("finished")
    try:
        c.send("c")
    except StopIteration:
        print("still finished")
    j = joiner("-")
    print(repr(next(j)), j.send(["x", "y"]), j.send(["z"]))
    fresh = averager()
    try:
        fresh.send(1.5)
    except TypeError as e:
        print("TypeError:", e)
    print(fresh.send(None))
    u = unused_value()
    print(next(u), next(u))


main()
