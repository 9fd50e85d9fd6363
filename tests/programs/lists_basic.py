# Covers: lists: displays, indexing, item assignment, empty lists typed by their appends, comprehensions, slicing, pop/insert, in, sorted, +, +=, *, comparison, reverse/index/count/remove/sort, lists of lists and tuples, reversed, list(), sort with a key
def build(n):
    xs = []
    for i in range(n):
        xs.append(i * 1.5)
    return xs


def main():
    xs = [3, 1, 2]
    print(xs, len(xs), xs[0], xs[-1])
    xs.append(10)
    xs[1] = 7
    print(xs)
    ys = build(5)
    print(ys, sum(ys))
    sq = [i * i for i in range(6) if i % 2 == 0]
    print(sq)
    words = ["b", "a", "c"]
    words.append("d")
    print(words, words[1:3], words[::-1])
    print(xs.pop(), xs.pop(0), xs)
    xs.insert(1, 99)
    print(xs, 99 in xs, 5 in xs)
    print(sorted([5, 2, 9, 1]), sorted(words, reverse=True))
    zs = [1, 2] + [3]
    zs += [4, 5]
    print(zs, [0] * 3, zs == [1, 2, 3, 4, 5], zs < [1, 3])
    zs.reverse()
    print(zs, zs.index(3), zs.count(1))
    zs.remove(3)
    zs.sort()
    print(zs)
    grid = [[0] * 3 for _ in range(2)]
    grid[1][2] = 5
    print(grid)
    pairs = [(1, "x"), (0, "y")]
    pairs.sort()
    print(pairs)
    for w in reversed(words):
        print(w, end=" ")
    print()
    print(list(range(4)), list("ab"))
    e = []
    print(e, len(e))
    ks = [3, 1, 2]
    ks.sort(key=lambda v: -v)
    print(ks)


main()
