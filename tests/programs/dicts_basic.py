# Covers: dicts: displays, comprehensions, get/set/del, in, get/setdefault/pop/popitem/update/copy/clear, keys/values/items views and iteration in insertion order, printing, int/float/tuple keys, hash() of ints, floats, bools and tuples as CPython, KeyError caught
def main():
    d = {"a": 1, "b": 2}
    d["c"] = 3
    print(d, len(d), d["b"], "a" in d, "z" in d, "z" not in d)
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    for k in counts:
        print(k, counts[k], end="; ")
    print()
    for k, v in counts.items():
        print(k, v, end="; ")
    print()
    print(list(counts.keys()), list(counts.values()), counts.keys(), counts.items())
    del counts["and"]
    print(counts, counts.pop("cat"), counts, counts.pop("zzz", -1))
    sq = {i: i * i for i in range(6) if i % 2 == 1}
    print(sq, sq == {1: 1, 3: 9, 5: 25}, sq != {1: 1})
    print(hash(1), hash(-1), hash(2.5), hash(1.0), hash((1, 2)), hash(True), hash(2**61), hash(-2**62), hash(1e100), hash(0.1), hash((1.5, (2, 3))))
    big = {}
    for i in range(1000):
        big[i] = i * 7
    for i in range(0, 1000, 3):
        del big[i]
    print(len(big), sum(big.values()), big[7], big.get(0), big.get(14))
    e = big.copy()
    e.update({5000: 1})
    print(len(e), e.setdefault(5000, 9), e.setdefault(6000, 9), len(e))
    print(e.popitem(), len(e))
    e.clear()
    print(e, len(e))
    fl = {1.5: "x", 2: "y"}
    print(fl[2.0], fl[1.5], 2 in fl)
    tk = {(1, 2): "p", (3, 4): "q"}
    print(tk[(3, 4)], tk)
    try:
        print(d["missing"])
    except KeyError as ex:
        print("KeyError", ex)


main()
