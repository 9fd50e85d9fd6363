# Covers: * unpacking of tuples in calls (user functions with defaults and keywords, *args functions, builtins, math) and in tuple displays, including an empty tuple (issue 12 item 11)
import math


def add3(a, b, c=10):
    return a + b * 2 + c * 3


def total(*xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def f(t, u):
    return add3(*t), add3(1, *u), add3(*u, c=4), total(*t, 5, *u), math.hypot(*t), (*t, 0, *u), (*u,), max(*t)


print(f((1, 2, 3), (7, 8)))
print(total(*()))
