# Covers: comparison chains (a < b < c, mixed operators, int/float mixes), evaluation once of middle operands, short-circuit.
def mid(v):
    print("mid", v)
    return v

x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 < 6)
print(10 > x >= 5 > 4.5)
print(1 == 1.0 == True)
print(1 < 2 < 3 < 4 < 5)
print(1 < 2 < 3 > 4 < 5)
print(3 != 4 != 3)
print(x == 5 != 6)
print(-1.5 < 0 < 0.5 < 1.0 < 2)
print(1 < mid(2) < 3)
print(5 < mid(2) < 3)
print(1 < mid(0) < mid(9))
for v in (-1, 0, 3, 10, 11):
    if 0 <= v < 10:
        print(v, "in [0,10)")
    elif v < 0:
        print(v, "negative")
    else:
        print(v, "too big")
a = 2
b = 2.0
c = 3
print(a == b < c, a < b, a <= b <= c)
lo = 1.0
hi = 2.0
t = 1.5
inside = lo < t < hi
print(inside, not lo < t < hi)
