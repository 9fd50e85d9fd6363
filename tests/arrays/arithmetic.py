# Covers: element-wise operators between arrays and scalars, broadcasting, unary ops, comparisons, bitwise, in place
import numpy as np


def ops(a, b):
    print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a, abs(-a))
    print(a + 1, 2 * a, a / 2, 1.5 - a, 10 // b, 7 % b, 2 ** a)
    print(a < b, a == 3, a != b, a >= 2, b > a)


def broadcast(m, row, col):
    print(m + row, m * col, row + col, m - m[0], m / m.sum())


def bits(x, y):
    print(x & y, x | y, x ^ y, x << 2, x >> 1, ~x)
    t = x > 2
    print(t & (y > 1), t | (y > 4), ~t, t ^ (x < 4))


def inplace(a):
    a += 1
    a *= 3
    a -= np.arange(a.shape[0])
    a //= 2
    return a


a = np.arange(1, 7)
b = np.arange(6, 0, -1)
ops(a, b)
m = np.arange(12.0).reshape(3, 4)
broadcast(m, np.arange(4.0), np.arange(3.0).reshape(3, 1))
bits(np.arange(6), np.arange(6)[::-1])
print(inplace(np.arange(5)))
f = np.linspace(0.0, 2.0, 5)
f /= 4
f **= 2
print(f)
