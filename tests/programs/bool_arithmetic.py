# Covers: bools as ints in arithmetic (True + True, True * 3.5, -True, ~True), bool() conversions, printing, comparisons.
t = True
f = False
print(t + t, t - f, t * 3, f * 3.5, t / 2, t // 1, t % 2)
print(-t, +t, ~t, ~f, t ** 2, 2 ** t)
print(t & f, t | f, t ^ t, t ^ f)
print(t << 3, 8 >> t)
print(t == 1, f == 0, t == True, t > f)
print(sum((True, True, False, True)))
print(bool(5), bool(0), bool(-0.0), bool(2))
print(int(True), float(False), complex(True))
print(t and f, f or t, 3 and 4, 0 or 4)
print(isinstance(t, bool), isinstance(t, int), isinstance(1, bool))
count = 0
for v in (1, -2, 3, -4, 5):
    count += v > 0
print(count)
print(max(True, False), min(True, False), abs(True), abs(-True))
print(divmod(True, True), round(True))
flag = 3 > 2
print(flag, not flag, flag + flag)
print(f"{t} {t:d} {f!r} {t + 0}")
