# Covers: a dict whose types settle after first use: sorted(d.items()) and comparisons of its item tuples (typed once
# the display's types are known), an empty dict typed by setdefault (d.setdefault(k, []).append(x), a grouping idiom),
# setdefault's value then used as the item type.
def grouped(n):
    groups = {}
    for i in range(n):
        groups.setdefault(i % 3, []).append(i * i)
    return groups


def ordered():
    d = {2: 0.5, 1: 2.5}
    pairs = sorted(d.items())
    for item in d.items():
        print(item, item < (2, 0.0), item == (1, 2.5))
    return pairs, max(d.items()), sorted(d.items(), reverse=True)


def counts(words):
    seen = {}
    for w in words:
        seen.setdefault(w, 0)
        seen[w] += 1
    return sorted(seen.items())


def main():
    print(grouped(8))
    print(ordered())
    print(counts("a b a c b a".split()))


main()
