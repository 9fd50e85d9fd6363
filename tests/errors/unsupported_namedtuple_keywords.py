# expect: UnsupportedError 4:9: namedtuple() with keyword arguments (defaults=, rename=, module=) is not supported
from collections import namedtuple

Point = namedtuple("Point", "x y", defaults=(0,))
print(Point(1))
