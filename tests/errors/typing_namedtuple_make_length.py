# expect: TypingError 6:5: Expected 2 arguments, got 3
from collections import namedtuple

P = namedtuple("P", "x y")

p = P._make((1, 2, 3))
print(p)
