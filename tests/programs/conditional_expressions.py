# Covers: conditional expressions (x if c else y) with same-type branches, nesting, in arguments and returns.
def sign(n):
    return 1 if n > 0 else (-1 if n < 0 else 0)

def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x

for v in (-5, 0, 7):
    print(v, sign(v))
for v in (-1.5, 0.5, 2.5):
    print(v, clamp(v, 0.0, 1.0))
a = 3
b = 8
print(a if a > b else b)
print(max(a, b) if a != b else 0)
m = a * 2 if a % 2 == 1 else a // 2
print(m)
f = 0.5 if b > 5 else 1.5
print(f)
t = (1, 2) if a < b else (2, 1)
print(t)
z = 1j if a else 2j
print(z)
flag = True if a == 3 else False
print(flag)
total = 0
for i in range(10):
    total += i if i % 2 == 0 else -i
print(total)
print((a if a < 5 else b) * 10)
print(sign(a - b) * (a - b if a > b else b - a))
