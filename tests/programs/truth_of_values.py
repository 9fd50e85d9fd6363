# Truth of every kind of value in if, while, not, bool(), conditional expressions and boolean operators: each type's
# model says how (a list, dict, set or str by its length, a range by whether it yields, None and Optionals, objects
# such as iterators, generators, functions and instances without __bool__ always true).


class Plain:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def gen(n):
    for i in range(n):
        yield i


def describe(n):
    lst = [i for i in range(n)]
    d = {i: str(i) for i in range(n)}
    s = set(range(n))
    text = "ab" * n
    r = range(n)
    empty_tuple = ()
    pair = (n, n)
    truths = [bool(lst), bool(d), bool(s), bool(text), bool(r), bool(empty_tuple), bool(pair),
              bool(d.keys()), bool(d.values()), bool(d.items()), bool(range(n, 0, -1)), bool(range(0, n, 3))]
    out = []
    if lst:
        out.append("list")
    if not d:
        out.append("no dict")
    if s and text:
        out.append("set and str")
    if r or lst:
        out.append("range or list")
    out.append("yes" if text else "no")
    return truths, out


def objects(n):
    p = Plain(n)
    g = gen(n)
    f = describe
    m = p.get
    it = iter([n])
    e = enumerate([n])
    z = zip([n], [n])
    return [bool(p), bool(g), bool(f), bool(m), bool(it), bool(e), bool(z), bool(None), bool(...)]


def optional(n):
    x = None if n < 0 else n
    y = None if n < 0 else [n] * n
    out = []
    if x:
        out.append("x true")
    if y:
        out.append("y true")
    if not y:
        out.append("y false")
    return out


def drain(n):
    lst = list(range(n))
    total = 0
    while lst:
        total += lst.pop()
    d = {k: k for k in range(n)}
    while d:
        d.popitem()
    s = set(range(n))
    while s:
        total += s.pop()
    return total, len(d), len(s)


for n in (0, 1, 3):
    print(n, describe(n))
    print(n, objects(n))
    print(n, optional(n), optional(-n - 1))
    print(n, drain(n))
print(bool([[]]), bool([0]), bool({0: 0}), bool(" "), bool(""), not [], not [1])
