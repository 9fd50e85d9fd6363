# Covers: while loops with break, continue, else (taken and not taken), nested whiles, while True.
n = 0
while n < 5:
    n += 1
else:
    print("while finished", n)
k = 0
while k < 100:
    if k * k > 50:
        print("break at", k)
        break
    k += 1
else:
    print("not printed")
i = 0
odd_sum = 0
while i < 20:
    i += 1
    if i % 2 == 0:
        continue
    odd_sum += i
print(odd_sum)

def find_divisor(m):
    d = 2
    while d * d <= m:
        if m % d == 0:
            break
        d += 1
    else:
        return -1
    return d

for m in (2, 9, 17, 91, 97, 221):
    print(m, find_divisor(m))
x = 0
while True:
    x += 3
    if x > 20:
        break
print(x)
a = 0
while a < 3:
    b = 0
    while b < 3:
        if b == a:
            b += 1
            continue
        print(a, b, end="; ")
        b += 1
    a += 1
print()
w = 10
while w:
    w -= 3 if w >= 3 else w
print(w)
