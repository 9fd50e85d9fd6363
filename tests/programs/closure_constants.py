# Covers: nested functions closing over enclosing parameters/locals that are never rebound, and module constants.
SCALE = 3
OFFSET = 0.5

def make_and_use(k):
    base = k * 10
    def add_base(x):
        return x + base
    def scaled(x):
        return add_base(x) * SCALE + k
    return scaled(1) + scaled(2)

def poly(a, b, c):
    def f(x):
        return (a * x + b) * x + c
    total = 0
    for x in range(5):
        total += f(x)
    return total

def outer(x):
    y = x * 2
    def middle(z):
        w = z + y
        def inner(q):
            return q + w + x + SCALE
        return inner(1)
    return middle(100)

def shifted(v):
    def g(t):
        return t + OFFSET + v
    return g(1.0) * g(2.0)

print(make_and_use(1))
print(make_and_use(7))
print(poly(1, 2, 3))
print(poly(-1, 0, 4))
print(outer(5))
print(outer(-3))
print(shifted(0.25))
