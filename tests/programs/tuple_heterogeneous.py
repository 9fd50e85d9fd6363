# Covers: heterogeneous tuples (int, float, bool, complex, None, nested tuples): constant indexing, unpacking, len, printing.
t = (1, 2.5, True, None, 3 + 4j, (7, 8.0))
print(t)
print(len(t))
print(t[0], t[1], t[2], t[3], t[4], t[5])
print(t[-1], t[-2], t[-6])
print(t[5][0], t[5][1])
a, b, c, d, e, f = t
print(a + b, c, d, e * 2, f)
g, h = f
print(g * h)

def make_record(i):
    return (i, i * 0.5, i % 2 == 0)

def describe(rec):
    n, x, even = rec
    print(f"n={n} x={x} even={even}")

for i in range(4):
    describe(make_record(i))
r = make_record(9)
print(r, len(r), r[0] + r[1])
nested = ((1, 2), (3.5, False), ((None,), 4))
print(nested)
print(nested[2][0][0], nested[2][1], nested[1][0])
pair = (1, 2.0)
pair = (pair[1], pair[0])
print(pair)
empty = ()
print(empty, len(empty))
single = (5,)
print(single, single[0], len(single))
