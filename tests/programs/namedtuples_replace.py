# namedtuple _replace (keyword fields, a field's type may change, the class kept) and _fields, on values and
# classes (issue 10).
from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", "x y")


class Body(NamedTuple):
    name: str
    mass: float = 1.0


def main():
    p = Point(1, 2)
    q = p._replace(y=5.5)
    print(p, q, q._replace(x=q.y, y=q.x), Point._fields, p._fields)
    b = Body("sun", 2.0)
    c = b._replace(name=b.name + "!")
    print(b, c, c._replace(), Body._fields)


main()
