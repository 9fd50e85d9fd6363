# expect: TypingError 4:9: Encountered duplicate field name: 'x'
from collections import namedtuple

Point = namedtuple("Point", ["x", "y", "x"])
print(Point(1, 2, 3))
