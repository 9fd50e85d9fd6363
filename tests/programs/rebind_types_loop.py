# Covers: an accumulator that starts as int and becomes float/complex inside a (non-empty) loop, the common `total = 0` idiom.
total = 0
for v in (1.5, 2.5, 3.0):
    total += v
print(total)
acc = 0
i = 1
while i <= 4:
    acc = acc + 1 / i
    i += 1
print(acc)
s = 0
for k in range(3):
    s += 1j * k
print(s)

def mean(t):
    tot = 0
    for v in t:
        tot += v
    return tot / len(t)

print(mean((1.0, 2.0, 4.0)))
print(mean((1, 2, 4)))
