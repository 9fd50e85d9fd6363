import math

class Shape:
    SIDES = 0

    def __init__(self, name):
        self.name = name
        self.moves = 0

    def area(self):
        return 0.0

    def move(self):
        self.moves += 1
        return self

    def describe(self):
        return f"{self.name} with {self.SIDES} sides, area {self.area():.2f}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    @staticmethod
    def unit():
        return 1.0


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Square(Shape):
    SIDES = 4

    def __init__(self, side):
        Shape.__init__(self, "square")
        self.side = side

    def area(self):
        return self.side * self.side * self.unit()

    def describe(self):
        return "a square: " + super().describe()


class Cube(Square):
    def area(self):
        return 6 * super().area()


def main():
    c = Circle(2.0)
    s = Square(3.0)
    k = Cube(1.5)
    print(c.describe())
    print(s.describe())
    print(k.describe(), k.moves, k.move().move().moves)
    print(isinstance(k, Square), isinstance(k, Shape), isinstance(c, Square), isinstance(s, Cube))
    print(type(k) is Cube, type(k) is Square, repr(c), k)
    print(Cube.SIDES, Circle.SIDES, Cube.unit())
    total = 0.0
    for sq in [Square(1.0), Cube(2.0)] if False else [Square(1.0), Square(2.0)]:
        total += sq.area()
    print(total)

main()
