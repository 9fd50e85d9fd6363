# Covers: tuple unpacking in assignment, swap, nested unpacking, unpacking function results and loop targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = 1.5, 2, True
print(x, y, z)
(p, q), r = (3, 4), 5
print(p, q, r)
m, (n, o) = 1, (2.0, 3)
print(m, n, o)

def divmod3(v):
    return v // 3, v % 3, v / 3

qq, rr, ff = divmod3(17)
print(qq, rr, ff)
t = divmod3(-4)
u, v, w = t
print(u, v, w)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
fa, fb = 0, 1
for i in range(10):
    fa, fb = fb, fa + fb
print(fa, fb)
for i, sq in ((1, 1), (2, 4), (3, 9)):
    print(i, sq)
for (k, (lo, hi)) in ((1, (0, 10)), (2, (5, 6))):
    print(k, lo, hi, hi - lo)
s = (1, 2)
s1, s2 = s
s = (s2, s1)
print(s)
i = j = 7
print(i, j)
