# reversed() of ranges (any step, empty, at the int64 bounds), tuples, strings (code points) and arrays, in for loops,
# enumerate, zip and generator reductions.
import numpy as np


def ranges():
    for r in (range(5), range(2, 11, 3), range(10, 0, -4), range(0), range(5, 5), range(-3, 3, 2)):
        out = 0
        for x in reversed(r):
            print(x, end=" ")
            out = out * 10 + x
        print("|", out)
    for x in reversed(range(9223372036854775800, 9223372036854775807, 5)):
        print(x)
    for x in reversed(range(-9223372036854775807 - 1, -9223372036854775800, 3)):
        print(x)


def sequences(t, s):
    for x in reversed(t):
        print(x, end=" ")
    print()
    word = ""
    for ch in reversed(s):
        word += ch
    print(word, word == s[::-1])
    for i, ch in enumerate(reversed(s)):
        if i < 3:
            print(i, ch, end="; ")
    print()
    for a, b in zip(reversed(t), t):
        print(a - b, end=" ")
    print()
    print(sum(x * x for x in reversed(t)), max(c for c in reversed(s)) if s else "?")
    for x in reversed(()):
        print("never", x)
    for ch, name in zip(reversed(s), ("x", "yy", "zzz")):
        print(ch + name, end=" ")
    for pair in zip(s, reversed(s)):
        print(pair, end=" ")
    print()


def arrays():
    a = np.arange(6.0)
    for x in reversed(a):
        print(x, end=" ")
    print()
    m = np.arange(6).reshape(3, 2)
    for row in reversed(m):
        print(row, row.sum())


def main():
    ranges()
    sequences((3, 1, 4, 1, 5), "héllo, wörld 😀!")
    sequences((2.5, -1.0), "")
    arrays()


main()
