from collections import namedtuple
P = namedtuple("P", "a b c")

def f(t):
    return t[1:], t[:-1], t[::2], t[::-1], t[5:], t[-2:], t[1:100], t[-100:1], t[3:1:-1], t[:]

def main():
    t = (1, 2.5, "x", (4, 5), [6])
    print(*f(t), sep="\n")
    p = P(1, 2, 3)
    print(p[1:], p[::-1])
    head, rest = t[0], t[1:]
    print(head, rest, len(rest))
    names = ("a", "bb", "ccc")
    for s in names[1:]:
        print(s)
main()
