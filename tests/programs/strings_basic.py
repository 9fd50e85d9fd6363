# str operations: indexing, slicing, iteration, in, *, comparison, ord/chr, int(s)/float(s), methods; code points.


def show(*xs):
    print(repr(xs)[1:-1])


def index_and_slice(s):
    n = len(s)
    for i in range(-n, n):
        print(i, s[i], end=" ")
    print()
    show(s[1:3], s[:2], s[2:], s[-2:], s[::-1], s[::2], s[1::3], s[5:1:-1], s[-100:100], s[3:1], s[::-2])


def iterate(s):
    out = ""
    count = 0
    for ch in s:
        out = ch + out
        count += 1
    show(out, count)
    for i, ch in enumerate(s):
        if i % 2 == 0:
            print(i, ch, ord(ch), end="; ")
    print()


def methods(s):
    show(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
    show(s.strip(), s.lstrip(), s.rstrip(), s.strip(" ab"), s.lstrip("x "), s.rstrip("z"))
    show(s.startswith("ab"), s.startswith(("x", " a")), s.endswith("z"), s.endswith("z", 0, 3), s.startswith("b", 1))
    show(s.find("b"), s.rfind("b"), s.find("b", 3), s.find("zz"), s.count("b"), s.count(""), s.find("", 2), s.rfind(""))
    show(s.replace("b", "BB"), s.replace("b", "", 1), s.replace("", "-"), s.replace("zz", "y"))
    show(s.ljust(12, "*"), s.rjust(12), s.center(13, "."), s.center(12), s.zfill(12), "-42".zfill(6), "+7".zfill(4))
    show(s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isascii())
    show(s.partition("b"), s.rpartition("b"), s.partition("#"), s.rpartition("#"))


def predicates():
    for t in ("123", "12a", "", " \t\n", "ABC", "abc", "Title Case", "x1", "²", "½", "٣", "_id9", "9id", "Ünïcode", "ß"):
        show(t, t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
             t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())


def conversions():
    for t in ("12", " -7 ", "+0", "1_000", "0", "-0"):
        print(int(t), end=" ")
    print(int("ff", 16), int("0x1F", 0), int("0b101", 0), int("z", 36), int("0o17", 8), int("11", base=2))
    for t in ("1.5", " -2e3 ", "inf", "-Infinity", "nan", "1_0.2_5", ".5", "5.", "1e-5", "٣.٥"):
        print(float(t), end=" ")
    print()
    print(ord("a"), ord("é"), ord("€"), ord("😀"), chr(97), chr(233), chr(8364), chr(128512))


def operators(s, t):
    show(s + t, s * 3, 2 * t, s * 0, s * -1, "b" in s, "zz" in s, "" in s, "a" not in t)
    show(s == t, s != t, s < t, s <= t, s > t, s >= t, "\uffff" < "\U00010000", "é" > "z")


def joins():
    show(", ".join(("a", "b", "c")), "".join(("x",)), "-".join(()), " ".join(("α", "β")))


def unicode():
    u = "héllo wörld € 😀"
    show(len(u), u[1], u[-1], u[6:11], u[::-1], u.upper(), u.title(), u.find("ö"), u.count("l"), u.center(20, "·"))
    show("straße".upper(), "ﬁne".upper(), "ǆemal".title(), "İ".lower(), "ΣΑΣ".lower())
    for ch in "añ€😀":
        print(ch, ord(ch), end=" ")
    print()


def main():
    index_and_slice("abcdefg")
    iterate("hello")
    methods("  abcabc xyz ")
    methods("abbc")
    predicates()
    conversions()
    operators("abc", "abd")
    joins()
    unicode()


main()
