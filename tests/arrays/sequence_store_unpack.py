# Covers: tuples and lists stored into arrays (a row, a slice, the whole array, chained targets, ints into floats,
# a float array into an int row), unpacking arrays (1-d into numbers, 2-d into rows) with the length checked when the
# code runs, np.newaxis in indexes, and the errors: a sequence of the wrong length, too many or too few values
import numpy as np


def stores():
    force = np.ones((4, 2))
    force[0] = force[-1] = 0, 0
    force[1] = (1.5, -2.5)
    force[2, :] = [7, 8]
    print(force)
    a = np.zeros(5)
    a[1:3] = (1.0, 2.0)
    a[3:] = [3, 4]
    print(a)
    b = np.zeros((2, 3), np.int64)
    b[:] = 3, 4, 5
    b[1] = [-1, -2, -3]
    print(b)
    c = np.zeros((2, 2), np.complex128)
    c[0] = (1 + 2j, 3)
    print(c)


def unpacking(cpos):
    total = 0.0
    for i in range(1, len(cpos)):
        dx, dy = cpos[i] - cpos[i - 1]
        total += np.sqrt(dx * dx + dy * dy)
    first, second = cpos[:2]
    x, y, z = np.arange(3)
    print(total, first, second, x, y, z)


def newaxis(x):
    d = x[:, np.newaxis] - x[np.newaxis, :]
    print(d)
    print(x[np.newaxis].shape, x[:, np.newaxis, np.newaxis].shape, np.newaxis is None)


def errors(k):
    try:
        if k == 0:
            a = np.zeros(3)
            a[:2] = (1.0, 2.0, 3.0)
        elif k == 1:
            p, q = np.arange(3)
            print(p, q)
        elif k == 2:
            p, q, r = np.arange(2.0)
            print(p, q, r)
        else:
            p, q = np.zeros((0, 2))
            print(p, q)
    except ValueError as e:
        print("ValueError", e)


stores()
unpacking(np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [6.0, 9.5]]))
newaxis(np.array([1.0, 2.5, 4.0]))
for k in range(4):
    errors(k)
