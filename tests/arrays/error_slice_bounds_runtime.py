# Covers: slices whose bounds and steps are known only at run time (negative, None, over-long, empty, both step
# signs) next to literal ones, on 1-d and 2-d arrays, stencils on arrays too small for them, a literal zero step,
# and broadcasting of slices that come out 1 long or empty (NumPy's error message when they disagree)
import numpy as np


def cut(a, i, j, k):
    return a[i:j:k]


def cut_start(a, i):
    print(i, a[i:], a[:i], a[i:-1], a[-i:], a[:-i])


def stencil(u):
    return u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]


def rows(u, i, j):
    return u[i:j, ::-1] + u[j:i:-1, :]


def add(a, b):
    return a + b


def try_add(a, b):
    try:
        print(add(a, b))
    except ValueError as err:
        print("ValueError:", err)


x = np.arange(10)
for i, j, k in [(2, 8, 1), (-3, 100, 1), (-100, -2, 2), (8, 2, -1), (100, -100, -3), (5, 5, 1), (7, 2, 1),
                (-1, -11, -1), (0, 10, 4), (9, 0, -4), (3, 3, -1), (-2, 2, -2)]:
    print(i, j, k, cut(x, i, j, k), cut(x, i, j, k).shape)
for i in [0, 1, 3, 9, 10, 11, 100, -1, -9, -10, -11, -100]:
    cut_start(x, i)
for n in [0, 1, 2, 3, 5]:
    print(n, stencil(np.arange(n * n, dtype=np.float64).reshape(n, n)))
print(stencil(np.ones((2, 7))).shape, stencil(np.ones((7, 1))).shape)
m = np.arange(20.0).reshape(4, 5)
print(rows(m, 1, 3))
print(rows(m, 0, 0))
print(add(x[:1], x[3:7]), add(x[3:7], x[-1:]), add(x[5:5], x[:1]))
try_add(x[2:5], x[5:9])
try_add(m[1:, :-1], m[:3, 2:])
try_add(x[5:5], x[1:3])
print(x[::0])
