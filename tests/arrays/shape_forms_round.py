# Covers: np.round / np.around / np.round_ and a.round(decimals) of arrays as NumPy computes them: multiplied by
# 10**decimals (divided for negative decimals), rounded half to even, divided back; float32 stays float32 (computed
# in single precision), integer arrays are returned as they are for decimals >= 0 and rounded in float64 and cast
# back for negative decimals, complex arrays round each part; lists, 2-d and strided arrays; numbers still work.
import numpy as np


def rounds(x):
    print(np.round(x), np.round(x, 1), np.around(x, 2), np.round_(x, 3), x.round(), x.round(1), x.round(decimals=2))
    print(np.round(x, -1), np.round(x * 1000, -2), np.round(x, 12), np.round(x * 1e-10, 11), np.round(x, decimals=20))
    print(np.round(x, -400), np.round(x, 400).dtype)


def halves(h):
    print(np.round(h), np.round(h / 10, 1), np.round(h / 100, 2), np.round(h * 10, -1), np.round(h * 100, -2))


def ints(n):
    r = np.round(n)
    r[0] = 99
    print(n, np.round(n, 2), np.round(n, -1), np.round(n, -2), n.round(-3), np.round(n, -1).dtype)


def complexes(z):
    print(np.round(z, 1), np.around(z), z.round(-1), np.round(z, 2).dtype)


def shapes(m):
    print(np.round(m, 1), np.round(m[:, ::2], 1), np.round(m.T, 2).shape, np.round([1.25, 2.35, -0.5], 1))
    print(np.round(2.5), np.round(2.675, 2), np.around(1234, -2), np.round_(-0.5))


x = np.array([0.0, 1.2345, -2.5, 3.5, 123.456, -0.049, 1e300, np.inf, -np.inf, np.nan, 0.125, 2.675])
rounds(x)
rounds(x.astype(np.float32))
halves(np.arange(-5.0, 6.0) + 0.5)
halves((np.arange(-5.0, 6.0) + 0.5).astype(np.float32))
ints(np.array([1234, -1250, 1350, -15, 7, 2 ** 40 + 55]))
ints(np.array([12, -125, 50, 49], np.int8))
ints(np.array([250, 5, 15, 25], np.uint8))
ints(np.array([1234, 5, 15, 25], np.int32))
complexes(np.array([1.25 + 2.35j, -0.5 - 1.5j, 15.0 + 25.0j]))
complexes(np.array([1.25 + 2.35j, -0.5 - 1.5j, 15.0 + 25.0j], np.complex64))
shapes(np.linspace(-1.0, 1.0, 12).reshape(3, 4))
