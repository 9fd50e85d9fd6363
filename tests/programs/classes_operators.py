# Operators on compiled classes (issue 10): arithmetic through __add__/__radd__/__mul__/__rmul__ …, in-place
# operators through __iadd__ or the plain method, comparisons through __eq__/__lt__ and their reflections, != from
# __eq__, unary minus, `in` through __contains__, len() through __len__, abs() through __abs__.
import math


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __neg__(self):
        return Money(-self.cents)

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"


class Bag:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __contains__(self, item):
        return item in self.items

    def __len__(self):
        return len(self.items)


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


def money():
    a = Money(1250)
    b = Money(199)
    print(a + b, a - b, a * 3, 2 * b, -a)
    print(a == b, a != b, a == Money(1250), a != Money(1250))
    print(a < b, a > b, b <= a, b >= a, a > Money(1250))
    total = Money(0)
    for k in range(5):
        total += Money(k * 10)
    print(total)


def bags():
    bag = Bag()
    bag += "apple"
    bag += "pear"
    print(len(bag), "pear" in bag, "plum" in bag, "plum" not in bag, bag.items)


def vectors():
    v = Vec(1.0, 2.0)
    w = v + Vec(3.0, 4.0)
    w += v
    print(w, v @ w, w @ v, abs(Vec(3.0, 4.0)))


money()
bags()
vectors()
