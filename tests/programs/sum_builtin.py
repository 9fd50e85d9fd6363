# Covers: sum() over int/float/complex/bool tuples, with start value, empty tuple, and precision behaviour.
print(sum((1, 2, 3, 4)))
print(sum(()))
print(sum((), 5))
print(sum((1.5, 2.5)))
print(sum((0.1, 0.2, 0.3)))
print(sum((1, 2), 0.5))
print(sum((1j, 2, 3.5)))
print(sum((True, True, True)))
print(sum((1e100, 1.0, -1e100)))
print(sum((9223372036854775806, 1)))
print(sum((-1, -2, -3), 6))
t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
print(sum(t), sum(t) / len(t))
s = 0
for v in t:
    s += v * v
print(s, sum((s, s)))
nested = ((1, 2), (3, 4))
print(sum(nested[0]) + sum(nested[1]))
print(sum((0.5, 0.25, 0.125, 0.0625)))
