# Covers: a reshape with -1 that does not divide the size: NumPy prints the unknown dimension as "newaxis" (and leaves
# out a leading one).
import numpy as np


def f(a, n):
    return a.reshape(n, -1)


def g(a, n):
    return a.reshape(4, -1, n)


def h(a, n):
    return a.reshape((-1, n))


print(f(np.arange(10), 5))
try:
    g(np.arange(10), 3)
except ValueError as e:
    print(e)
try:
    h(np.arange(10), 3)
except ValueError as e:
    print(e)
print(f(np.arange(10), 3))
