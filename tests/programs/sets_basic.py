# Covers: sets: displays, set(), set(iterable), add/discard/remove/pop/clear/copy/update, in, len, | & - ^, union/intersection/difference, subset comparisons, comprehensions, sets of strings and tuples, KeyError from remove and from a dict with an int key (its repr)
def main():
    s = {3, 1, 2, 3}
    print(s, len(s), 2 in s, 5 in s, 5 not in s)
    s.add(10)
    s.discard(1)
    s.discard(99)
    print(s, sorted(s))
    e = set()
    print(e, len(e))
    for w in "a b a c b".split():
        e.add(w)
    print(sorted(e), len(e))
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b), a.difference(b))
    print(a <= b, {3} <= b, {3, 4} < b, b >= {5}, a == {4, 3, 2, 1}, a != b, a.isdisjoint({7}), a.issubset(a))
    sq = {x * x % 7 for x in range(20)}
    print(sq)
    pairs = set()
    for i in range(50):
        pairs.add((i % 5, i % 3))
    print(len(pairs), (1, 1) in pairs, (9, 9) in pairs)
    t = set([1, 2, 2, 3])
    t.update(range(5))
    print(t, t.pop(), len(t))
    c = t.copy()
    c.clear()
    print(c, t)
    try:
        t.remove(42)
    except KeyError as ex:
        print("KeyError", ex)
    d = {1: "one"}
    try:
        print(d[2])
    except KeyError as ex:
        print("KeyError", ex, repr(ex))


main()
