# Covers: generator methods: send (None and values a generator ignores; a just-started generator refuses non-None),
# close (releases the frame; next() then raises StopIteration), throw (raised where it stopped), print of a generator.
def count(n, label):
    for i in range(n):
        yield label + str(i)


def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def main():
    g = count(4, "item")
    print(next(g), g.send(None), g.send(5), next(g))
    g.close()
    g.close()
    print(next(g, "closed"), list(g))

    s = squares(10)
    print(next(s), next(s))
    s.close()
    try:
        next(s)
    except StopIteration:
        print("stopped")

    fresh = squares(3)
    try:
        fresh.send(1)
    except TypeError as e:
        print("TypeError:", e)
    print(fresh.send(None), list(fresh))

    t = count(3, "t")
    print(next(t))
    try:
        t.throw(ValueError("thrown", 2))
    except ValueError as e:
        print("caught", e.args)
    print(next(t, "done"))
    u = squares(2)
    try:
        u.throw(KeyError)
    except KeyError as e:
        print("key error", repr(e))
    print(list(u))

    text = str(squares(1))
    print(text.startswith("<generator object squares at 0x"), text.endswith(">"), str(x for x in (1,)).startswith("<generator object <genexpr> at 0x"))


main()
