# Covers: returning empty views of arguments: one that starts at the end of the argument's buffer (a[len(a):],
# a[100:], a reversed empty slice), views of an empty argument, empty rows and columns of a 2-d argument, in a
# tuple with a non-empty view; the argument itself after them (through @jit the result must still find its owner)
import numpy as np


def tail(a, i):
    return a[i:]


def parts(a, i):
    return a[i:], a[:i], a[i:i]


def rows(m, i):
    return m[i:], m[:, i:], m[i:, 1:]


def backwards(a):
    return a[len(a):0:-1], a[::-1][len(a):]


x = np.arange(10)
print(tail(x, 3), tail(x, 10), tail(x, 100), tail(x, -1))
print(parts(x, 10), parts(x, 0), parts(x, 4))
print(parts(np.zeros(0), 0), tail(np.zeros(0), 5))
m = np.arange(12.0).reshape(3, 4)
print(rows(m, 3), rows(m, 4), rows(m, 1))
print(backwards(x), backwards(np.arange(1)))
print(x, m)
