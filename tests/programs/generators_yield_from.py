# Covers: yield from over compiled generators (recursive ones too), ranges, lists, tuples and strings; generator
# expressions as values (next, for, list, passed to functions, nested loops and conditions, closures over locals).


def inner(n):
    for i in range(n):
        yield i * 10


def outer(n):
    yield -1
    yield from inner(n)
    yield from range(100, 103)
    yield from [7, 8]
    yield from (5, 6)
    yield -2


def letters(s):
    yield from s


def walk(tree, depth):
    # a tree as nested lists of ints: depth-first, recursively
    for node in tree:
        yield node * depth
    if depth < 3:
        yield from walk(tree, depth + 1)


def total(items):
    s = 0
    for x in items:
        s += x
    return s


def main():
    print(list(outer(3)))
    print(list(letters("héllo")))
    print(list(walk([1, 2], 1)))
    squares = (x * x for x in range(6))
    print(next(squares), next(squares))
    print(list(squares))
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    scale = 10
    scaled = (x * scale for x in xs if x % 2 == 1)
    print(total(scaled))
    grid = ((i, j) for i in range(3) for j in range(i, 3) if i != j)
    for p in grid:
        print(p)
    words = ["a", "bb", "ccc"]
    lengths = (len(w) for w in words)
    print(sorted(lengths, reverse=True))
    print(list(f"<{w}>" for w in words))
    print(sum(x for x in (y * 2 for y in range(4))))
    half = (w for w in words)
    print(next(half))


main()
