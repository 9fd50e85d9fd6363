# Covers: one function called with argument types that differ between call sites (int, float, complex, bool, tuples).
def double(x):
    return x + x

def describe(x):
    print(x, isinstance(x, int), isinstance(x, float), isinstance(x, complex))

def first(t):
    return t[0]

def mix(a, b):
    return a * b + a

print(double(2), double(2.5), double(1 + 1j), double(True))
describe(3)
describe(3.0)
describe(3j)
describe(False)
print(first((1, 2)), first((2.5, 3.5)), first((None, 1)))
print(mix(2, 3), mix(2, 3.0), mix(2.0, 3), mix(1j, 1j), mix(True, 4))
