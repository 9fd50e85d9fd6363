# An attribute that only another method assigns: reading it first is CPython's AttributeError (issue 10).
class Lazy:
    def __init__(self, n):
        self.n = n

    def fill(self):
        self.cache = [k * k for k in range(self.n)]

    def total(self):
        return sum(self.cache)


def main():
    a = Lazy(4)
    a.fill()
    print(a.total())
    b = Lazy(3)
    print(b.total())


main()
