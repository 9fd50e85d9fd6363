# Covers: default argument values (int, float, tuple, bool, complex, negative), calling with/without defaults and by keyword.
def area(w, h=1.0):
    return w * h

def line(x, m=2, b=-1):
    return m * x + b

def span(t=(0, 10)):
    return t[1] - t[0]

def opt(x, scale=0):
    if scale == 0:
        return x
    return x * scale

def flags(a, verbose=False, strict=True):
    print(a, verbose, strict)

def cplx(z=1j, n=2):
    return z ** n

print(area(3), area(3, 2), area(w=4), area(h=0.5, w=4))
print(line(5), line(5, 3), line(5, 3, 1), line(5, b=10), line(x=1, b=0, m=7))
print(span(), span((3, 4)), span(t=(-5, 5)))
print(opt(3), opt(3, 2.5), opt(4, scale=3))
flags(1)
flags(2, True)
flags(3, strict=False)
flags(4, strict=False, verbose=True)
print(cplx(), cplx(2j), cplx(n=3))
