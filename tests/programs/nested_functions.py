# Covers: nested function definitions (no captures, captures, recursion inside a nested function, defaults).
def compute(n):
    def square(v):
        return v * v
    def cube(v):
        return v * square(v)
    return square(n) + cube(n)

def count_down(n):
    def rec(k, acc):
        if k == 0:
            return acc
        return rec(k - 1, acc + k)
    return rec(n, 0)

def with_default(n):
    def bump(v, step=2):
        return v + step
    return bump(n), bump(n, 10), bump(v=n, step=-1)

def two_levels(a):
    def lvl1(b):
        def lvl2(c):
            return a * 100 + b * 10 + c
        return lvl2(b + 1)
    return lvl1(a + 1)

def nested_float(x):
    def half(v):
        return v / 2
    def quarter(v):
        return half(half(v))
    return quarter(x)

print(compute(3), compute(-2))
print(count_down(100))
print(with_default(5))
print(two_levels(1), two_levels(4))
print(nested_float(10), nested_float(1))
