# Covers: iteration over homogeneous tuples (ints, floats, bools, tuples of tuples), with sum/min/max/len.
ints = (5, 3, 9, 1, 7)
floats = (0.5, 1.25, -2.0, 3.75)
flags = (True, False, True, True)
pairs = ((1, 2), (3, 4), (5, 6))
for v in ints:
    print(v, end=" ")
print()
for x in floats:
    print(x * 2, end=" ")
print()
count = 0
for fl in flags:
    if fl:
        count += 1
print(count)
for a, b in pairs:
    print(a * b)
for p in pairs:
    print(p[0] + p[1], p)
print(sum(ints), min(ints), max(ints), len(ints))
print(sum(floats), min(floats), max(floats))
print(sum(flags))
print(sum(ints, 100))
print(sum(floats, 0.5))
acc = 1
for v in (2, 3, 4):
    acc *= v
print(acc)
for v in (10, 20, 30):
    if v == 20:
        continue
    print(v)
for v in (1, 2, 3):
    if v > 5:
        break
else:
    print("no break")
for c in (1j, 2 + 0j, -1 - 1j):
    print(c * c)
total = 0.0
for x in floats:
    for y in floats:
        total += x * y
print(total)
