# Compiled classes as containers and callables (issue 10): __getitem__/__setitem__ subscripts, __len__ and __bool__
# for truth, __iter__ written as a generator (for loops, sum, list), __call__.


class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [0.0] * (w * h)

    def __getitem__(self, ij):
        i, j = ij
        return self.cells[i * self.w + j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.cells[i * self.w + j] = v

    def __len__(self):
        return self.w * self.h

    def __iter__(self):
        for v in self.cells:
            yield v


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __bool__(self):
        return len(self.items) > 0


class Polynomial:
    def __init__(self, coefficients):
        self.coefficients = coefficients

    def __call__(self, x):
        total = 0.0
        for c in reversed(self.coefficients):
            total = total * x + c
        return total


def grids():
    g = Grid(3, 2)
    for i in range(2):
        for j in range(3):
            g[i, j] = i * 10.0 + j
    g[1, 1] += 0.5
    print(g[1, 1], len(g), sum(g), list(g), max(v for v in g))


def stacks():
    s = Stack()
    print(bool(s), "empty" if not s else "full")
    for k in range(4):
        s.push(k * k)
    out = []
    while s:
        out.append(s.pop())
    print(out, bool(s))


def polynomials():
    p = Polynomial([1.0, -2.0, 0.5])
    print(p(0.0), p(2.0), [p(float(x)) for x in range(4)])


grids()
stacks()
polynomials()
