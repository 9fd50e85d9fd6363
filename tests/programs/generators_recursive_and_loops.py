# Covers: __iter__ written as a generator with a finally (closed when a for loop breaks), a recursive generator
# delegating to itself with yield from and returning sums of its inner results, send into it, throw(e) of a caught
# exception, sending tuples, send(None) to a generator expression, generators made in a loop and dropped, sends in
# loops, a yield from a generator that never finishes (its value's code is unreachable).
class Box:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        try:
            for x in self.items:
                yield x
        finally:
            print("box iteration ends")


def tree(depth):
    if depth == 0:
        got = yield depth
        return 1 if got is None else got
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    return left + right


def relay():
    e = None
    try:
        yield 1
    except ValueError as err:
        print("relay caught", err)
        yield 2


def pairs():
    while True:
        p = yield
        if p is None:
            continue
        a, b = p
        print("pair", a + b)


def main():
    for x in Box([1, 2, 3]):
        if x == 2:
            break
        print(x)
    print(sum(Box([4, 5])))
    t = tree(2)
    print(next(t), t.send(10), t.send(20), t.send(None))
    try:
        t.send(5)
    except StopIteration:
        print("tree done")
    r = relay()
    next(r)
    try:
        raise ValueError("reraised")
    except ValueError as e:
        print(r.throw(e))
    p = pairs()
    next(p)
    p.send((1, 2))
    p.send(None)
    p.send((3, 4))
    ge = (c * 2 for c in "ab")
    print(next(ge), ge.send(None))
    ge.close()
    for i in range(50):
        b = Box([i, i + 1])
        it = iter(b)
    print("end")



def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x


def forever():
    n = 0
    while True:
        yield n
        n += 1


def takes_forever():
    r = yield from forever()
    print("never", r)


def main2():
    g = running_max()
    next(g)
    for v in [3, 1, 4, 1, 5]:
        print(g.send(v))
    words = running_max()
    next(words)
    i = 0
    while i < 3:
        print(words.send(10 - i))
        i += 1
    t = takes_forever()
    print(next(t), next(t))
    t.close()




main()
main2()
