# Covers: t.count(x) and t.index(x) of tuples (items of one type or several, x of another type, NaN and -0.0 as ==
# compares them, CPython's ValueError for a missing item), n.bit_length() of ints (0, negative numbers, -2**63).
def tuples(x):
    t = (1, 2, 2, 3, 2)
    mixed = (1.0, "a", 2, (1, 2), 1)
    print(t.count(2), t.count(x), t.index(3), t.index(2), mixed.count(1), mixed.index("a"), mixed.index((1, 2)))
    print((0.0, -0.0, 1.5).count(0), (1.5, 2.5).index(2.5), ().count(1), (True, 1, 1.0).count(1))
    try:
        print(t.index(7))
    except ValueError as e:
        print("ValueError:", e)


def bits(n):
    print([k.bit_length() for k in (0, 1, 2, 255, 256, -1, -256, n)], (-2 ** 63).bit_length(), (2 ** 63 - 1).bit_length())
    print(True.bit_length(), (n * 1000).bit_length())


tuples(2)
bits(12345)
