# Plain classes (issue 10): __init__, methods with defaults and keywords, attributes read, assigned and updated in
# place, constants of the class, static methods, __str__/__repr__, identity, instances in lists and in other
# instances, attributes holding lists and strings. Each attribute has one type in compiled code.
import math


class Vec:
    """A 2-d vector."""
    DIMENSIONS = 2
    UNIT: float = 1.0

    def __init__(self, x, y=0.0):
        self.x = x
        self.y = y

    def norm(self):
        return math.hypot(self.x, self.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def shift(self, dx=1.0, dy=0.0):
        self.x += dx
        self.y = self.y + dy
        return self

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @staticmethod
    def origin():
        return Vec(0.0, 0.0)

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True

    def __str__(self):
        return f"{self.owner}: {self.balance:.2f} after {len(self.history)} operations"


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []

    def add(self, child):
        self.children.append(child.value)
        return child


class Empty:
    pass


def vectors():
    v = Vec(3.0, 4.0)
    print(v, v.norm(), v.DIMENSIONS, Vec.DIMENSIONS, Vec.UNIT)
    w = v.scaled(2.0)
    print(w, repr(w), str(w), f"[{w}]", w.dot(v))
    same = v.shift(dy=2.0)
    print(v, same is v, same == v, w is v, w != v, v.shift(0.5).x)
    print(Vec.origin(), Vec(1.0), Vec.norm(Vec(6.0, 8.0)))
    vs = [Vec(float(k), float(-k)) for k in range(4)]
    total = Vec.origin()
    for u in vs:
        total.shift(u.x, u.y)
    print(vs, total, len(vs), bool(total))
    print(isinstance(v, Vec), isinstance(v, (int, Vec)), isinstance(1.5, Vec), type(v) is Vec, type(v).__name__, type(v), Vec)


def accounts():
    a = Account("ada", 100.0)
    a.deposit(25.5)
    print(a.withdraw(500.0), a.withdraw(20.0))
    print(a, a.history, a.owner.upper())
    a.owner = a.owner + " lovelace"
    print(a)


def trees():
    root = Node(1)
    leaf = root.add(Node(2))
    root.add(Node(3))
    leaf.add(Node(4))
    print(root.value, root.children, leaf.children, Node(5).children)


def empty():
    e = Empty()
    f = Empty()
    print(e is f, e is e, e == e, bool(e))


vectors()
accounts()
trees()
empty()
