# Covers: integer identities on many values: a == (a // b) * b + a % b, |a % b| < |b|, shifts vs multiplication/floor division.
ok = 0
bad = 0
for a in range(-30, 31, 7):
    for b in (-7, -3, -1, 1, 2, 5, 11):
        q = a // b
        r = a % b
        if q * b + r == a and abs(r) < abs(b) and (r == 0 or (r < 0) == (b < 0)):
            ok += 1
        else:
            bad += 1
print(ok, bad)
for a in (-17, -8, -1, 0, 1, 8, 17, 1000003):
    for s in (0, 1, 3, 5):
        assert a >> s == a // (1 << s), "shift right"
        assert a << s == a * (1 << s), "shift left"
print("shift identities hold")
for a in (-13, 0, 13):
    print(a, -a // 4, -(a // 4), (-a) % 4, -(a % 4))
x = 1
for i in range(20):
    x = (x * 1103515245 + 12345) % 2147483648
print(x)
print(divmod(-1, 7), divmod(1, -7), divmod(-1, -7))
