# Covers: divmod() for ints (all signs, near int64 limits) and floats (all signs, fractional), returning tuples.
for a in (17, -17):
    for b in (5, -5):
        print(a, b, divmod(a, b))
print(divmod(0, 3), divmod(0, -3), divmod(1, 1))
print(divmod(9223372036854775807, 10), divmod(-9223372036854775807 - 1, 10))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-7.5, -2))
print(divmod(1.0, 0.1), divmod(-0.0, 1.0), divmod(0.0, -1.0))
print(divmod(5, 2.5), divmod(True, 2))
q, r = divmod(1000, 7)
print(q, r, q * 7 + r)
x = 86399
h, rest = divmod(x, 3600)
m, s = divmod(rest, 60)
print(f"{h:02d}:{m:02d}:{s:02d}")
t = divmod(-1e-300, 1.0)
print(t, t[0], t[1])
n = 1234567
digits = 0
while n:
    n, d = divmod(n, 10)
    digits += d
print(digits)
