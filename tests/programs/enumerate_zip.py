# Covers: enumerate (with start) and zip over ranges and tuples, nested, in for loops with tuple unpacking
def scores(t):
    total = 0
    for i, x in enumerate(t):
        total += i * x
    for i, x in enumerate(t, 10):
        total += i
    for a, b in zip(t, range(100, 200)):
        total += a * b
    for i, (a, b) in enumerate(zip(range(3), (7, 8, 9, 10))):
        print(i, a, b)
    return total


print(scores((3, 1, 4, 1, 5)))
for n, c in zip(range(3), (1.5, 2.5)):
    print(n, c)
