# Covers: tuple equality and lexicographic ordering comparisons (same and mixed numeric element types).
a = (1, 2, 3)
b = (1, 2, 4)
c = (1, 2)
print(a == a, a == b, a != b)
print(a < b, a > b, a <= b, a >= b)
print(c < a, a > c, c == a)
print((1, 2.0) == (1, 2), (1.5, 0) < (2, 0))
print((0, 9) < (1, 0), (2, 0) > (1, 9), (1, 2) <= (1, 2))
print(() == (), () < (0,), (5,) > ())
print((True, 1) == (1, True))
print(((1, 2), 3) < ((1, 3), 0))

def lexmax(p, q):
    if p >= q:
        return p
    return q

print(lexmax((3, 1), (2, 9)))
print(lexmax((3, 1), (3, 2)))
best = (0, 0)
for cand in ((1, 5), (4, 2), (4, 3), (2, 8)):
    if cand > best:
        best = cand
print(best)
print(max((1, 2), (1, 3)), min((0, 5), (0, 4)))
