from collections import namedtuple
from typing import NamedTuple
P = namedtuple("P", "x y")


class Q(NamedTuple):
    name: str
    size: float = 1.0


def main():
    p = P._make((1, 2.5))
    print(p, p.x + p.y, p._replace(y=3)._fields)
    t = ("a", 2.0)
    q = Q._make(t)
    print(q, q.name, q.size, Q._make(("b", 4.0)) == ("b", 4.0))
    pairs = [P._make((i, i * 0.5)) for i in range(3)]
    print(pairs[-1], sum(v.y for v in pairs))


main()
