# Covers: closures see the variables they capture as they are when the closure is used (called, aliased, passed on), not when it was made, as CPython's cells do (issue 12 item 10)
def f(x):
    y = x + 1

    def inner(x):
        return x * y
    y = inner(x)
    return y + inner(x)


def g(n):
    k = 1
    h = lambda a: a + k
    first = h(0)
    k = 10
    alias = h
    k = 100
    return first, h(0), alias(0)


def apply(fn, v):
    return fn(v)


def outer(n):
    scale = 2
    def mul(v):
        return v * scale
    a = apply(mul, n)
    scale = 3
    return a, apply(mul, n)


def later(n):
    def get():
        return m
    m = n * 2
    return get()


print(f(10), g(0), outer(5), later(4))


def rebound_later(n):
    # fuzz-9: the captured variables are rebound in a branch and in a loop after the closures were made
    x = n
    h = lambda: x
    if n > 0:
        x = 5
    print(h(), end=" | ")
    y = n
    k = lambda: y
    for j in range(3):
        y = y * 2
        print(k(), end=" ")
    print()


rebound_later(1)
