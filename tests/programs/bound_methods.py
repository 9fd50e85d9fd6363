# Methods read from a value are values (bound methods carrying the receiver): chosen by a condition, stored, called later.
def pick(a, b, first):
    m = a.conjugate if first else b.conjugate
    return m()


def integral(x, y, first):
    test = x.is_integer if first else y.is_integer
    return test()


print(pick(1 + 2j, 3 - 4j, True), pick(1 + 2j, 3 - 4j, False))
print(integral(2.0, 2.5, True), integral(2.0, 2.5, False))
c = (5).conjugate
print(c(), (2.5).conjugate(), True.conjugate())
print((1 + 2j).real, (3.5).imag, (7).real, (7).imag)
