# Covers: ValueError of a.sort() with an unknown kind
import numpy as np


def f(a, kind):
    b = a.copy()
    b.sort(kind="stable")
    print(b)
    b.sort(kind=kind)
    return b


print(f(np.array((3, 1, 2)), "quicksort"))
print(f(np.array((3, 1, 2)), "bogus"))
