# Covers: starred assignment targets (a, *rest = t; first, *mid, last = xs; *init, z = xs; in for-loop targets and
# nested targets): the starred name is a list of the rest, from a tuple, a list or a string's split; CPython's
# ValueError for too few items when the length is known only at run time.
def parts(n):
    a, *rest = (1, 2, 3)
    first, *mid, last = [n, n + 1, n + 2, n + 3]
    *init, z = [n]
    word, *others = "alpha beta gamma".split()
    (p, *q), r = (1.5, 2.5, 3.5), 4
    return a, rest, first, mid, last, init, z, word, others, p, q, r


def too_few(k):
    xs = list(range(k))
    try:
        a, *b, c = xs
        return str(a) + str(b) + str(c)
    except ValueError as e:
        return "ValueError: " + str(e)


def rows():
    total = 0
    for head, *tail in [(1, 2, 3), (4, 5, 6)]:
        print(head, tail)
        total += head * len(tail)
    return total


def main():
    print(parts(5))
    for k in range(4):
        print(too_few(k))
    print(rows())


main()
