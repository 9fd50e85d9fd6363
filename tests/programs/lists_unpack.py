# Covers: unpacking a list or a str into names (a, b = xs; for a, b in a list of lists; nested targets; a, *rest = s),
# its length checked when the code runs, with CPython's ValueErrors for too many and too few items.
def unpack(xs, n):
    first, second = xs[:2]
    rows = [[i, i * i] for i in range(n)]
    total = 0
    for a, b in rows:
        total += a * b
    (p, q), r = [xs[0], xs[1]], xs[2]
    return first, second, total, p + q + r


def wrong(xs, k):
    try:
        a, b = xs[:k]
        print(a, b)
    except ValueError as e:
        print("ValueError:", e)


def main():
    print(unpack([1.5, 2.5, 3.5], 4))
    for k in (0, 1, 2, 3):
        wrong([10, 20, 30], k)
    words = "a b".split()
    left, right = words
    print(right + left)
    x, y = "xy"
    first, *rest = "héllo"
    print(y + x, first, rest)
    for text in ("abc", "a", "ab"):
        try:
            p, q = text
            print(q, p)
        except ValueError as e:
            print("ValueError:", e)


main()
