# expect: TypingError 7:7: Got unexpected field names: ['z']
from collections import namedtuple

Point = namedtuple("Point", "x y")


print(Point(1, 2)._replace(z=3))
