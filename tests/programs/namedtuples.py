# namedtuples (collections.namedtuple and typing.NamedTuple classes, issue 10): made, printed, read by field and by
# index, unpacked, compared, passed across the @jit boundary and returned as their class.
from collections import namedtuple
from typing import NamedTuple
import collections
import math

Point = namedtuple("Point", ["x", "y"])
Color = collections.namedtuple("Color", "r g b")


class Particle(NamedTuple):
    """A point mass."""
    pos: Point
    mass: float = 1.0
    tag: int = 7


def dist(p, q):
    return math.hypot(p.x - q.x, p.y - q.y)


def centre(ps):
    sx = 0.0
    sy = 0.0
    for p in ps:
        sx += p.pos.x * p.mass
        sy += p.pos.y * p.mass
    m = ps[0].mass + ps[1].mass
    return Point(sx / m, sy / m)


a = Point(1, 2)
b = Point(y=6.5, x=4)
print(a, b, repr(b), a.x, b.y, a[0], b[1], len(a), dist(a, Point(4, 6)))
x, y = b
print(x, y, a == Point(1, 2), a == (1, 2), str(Color(255, 128, 0)))
ps = (Particle(Point(0.0, 0.0), 2.0), Particle(Point(3.0, 3.0), tag=9))
print(ps[1], ps[1].tag, centre(ps))
print(f"{a}", f"{a.x:>4}", Color(1, 2, 3).g)
for v in Color(10, 20, 30):
    print(v)


def labelled(n):
    Tagged = Point(f"n{n}", n)   # a str field made and used inside compiled code
    return Tagged.x + "!"


print(labelled(3))
