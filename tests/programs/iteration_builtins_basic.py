# Covers: iter() and next() (with a default, and StopIteration ending a loop), map with one and two iterables,
# filter with a function and with None, range objects as values (len, indexing, list, truth, iteration twice),
# enumerate and zip over generators.


def double(x):
    return x * 2


def positive(x):
    return x > 0


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def main():
    it = iter([10, 20, 30])
    print(next(it), next(it))
    print(next(it, -1), next(it, -1), next(it, -1))
    t = iter((1.5, 2.5))
    print(next(t), list(t))
    s = iter("abc")
    print(next(s), next(s, "z"), next(s, "z"), next(s, "z"))
    d = iter({"k": 1, "j": 2})
    print(next(d), list(d))
    r = iter(range(3))
    print(next(r), list(r))
    print(list(map(double, [1, 2, 3])))
    print(list(map(lambda a, b: a * b, [1, 2, 3], (4, 5, 6, 7))))
    print(list(map(str, range(3))))
    print(list(filter(positive, [-2, 3, 0, 5])))
    print(list(filter(None, [0, 1, 2, 0, 3])), list(filter(None, ["", "a", "b"])))
    print(sum(map(double, evens(7))))
    r = range(2, 12, 3)
    print(len(r), r[0], r[1], r[-1], list(r), list(r))
    print(bool(range(0)), bool(r), len(range(10, 0, -2)))
    for k, e in enumerate(evens(6)):
        print(k, e)
    for a, b in zip(evens(10), "xyz"):
        print(a, b)
    gen = evens(5)
    while True:
        v = next(gen, None)
        if v is None:
            break
        print("v", v)
    m = map(double, [5, 6])
    for x in m:
        print("mapped", x)
    f = filter(positive, range(-2, 3))
    print(max(f))


main()
