# Covers: dict(pairs), dict(k=v, ...), dict(mapping), dict(pairs, k=v), dict.fromkeys(iterable[, value]).
def build(n):
    pairs = [(i, i * i) for i in range(n)]
    return dict(pairs)


print(build(4), build(0))
print(dict([("a", 1), ("b", 2), ("a", 3)]))
print(dict(((1, 2.5), (2, 3.5))))
print(dict(zip("abc", range(3))))
print(dict(enumerate("xyz")))
print(dict((k, len(k)) for k in ("one", "three")))
print(dict(one=1, two=2, three=3))
print(dict(x="ex", y="why"))
d = {"p": 1, "q": 2}
e = dict(d)
e["r"] = 3
print(d, e, e == d, len(dict(d)))
print(dict(d, q=20, s=4))
print(dict([(1, "a")], b="c") if False else dict([("k", 1)], k=2, z=3))
print(dict.fromkeys("abca"), dict.fromkeys(range(3), 0), dict.fromkeys([(1, 2), (3, 4)], "t"))
print(dict.fromkeys([]), dict.fromkeys(("u", "v"), [1, 2]))
counts = dict.fromkeys("hello", 0)
for ch in "hello":
    counts[ch] += 1
print(counts)
print(dict())
