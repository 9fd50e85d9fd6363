# Covers: np.histogram's counting of equal-width bins bit for bit with NumPy 1.24 (the bin by multiplication, then
# corrected against the edges array): values exactly on every edge and one ulp either side, awkward ranges whose
# multiplication lands on the wrong side, the last edge inclusive, NaN and infinities left out, values outside the
# range, narrow ranges far from zero (where most values need the edges), empty arrays, float32 data (edges in float32), int and bool data, 2-d data, one bin, lo == hi, default range
import numpy as np


def counts(x, bins, lo, hi):
    return np.histogram(x, bins=bins, range=(lo, hi))[0]


def both(x, bins, lo, hi):
    h, e = np.histogram(x, bins=bins, range=(lo, hi))
    return h, e


def default_range(x, bins):
    return np.histogram(x, bins)


def spread(e):
    # the edges, one ulp above and below each, and the middle of each bin
    return np.concatenate((e, np.nextafter(e, e + 1), np.nextafter(e, e - 1), (e[:-1] + e[1:]) / 2))


def around_edges(bins, lo, hi):
    return spread(np.linspace(lo, hi, bins + 1))


def around_edges32(bins, lo, hi):
    return spread(np.linspace(lo, hi, bins + 1).astype(np.float32))


for bins, lo, hi in ((7, 0.1, 0.7), (3, 0.1, 0.7), (10, -1.0, 1.0), (64, -4.0, 4.0), (13, 1e-3, 1e3), (5, -0.3, 0.0),
                     (1, 0.0, 1.0), (49, 0.01, 0.5), (100, 1.0, 1.1), (8, 1e10, 1e10 + 1.0), (16, -1e6, -1e6 + 0.001),
                     (5, 3.0, 3.0000000000000013)):
    x = around_edges(bins, lo, hi)
    print(bins, lo, hi, counts(x, bins, lo, hi), counts(x[::-1], bins, lo, hi))
    x32 = around_edges32(bins, lo, hi)
    print(counts(x32, bins, lo, hi), counts(x32.astype(np.float64), bins, lo, hi))

# Which bin each edge value lands in, one value at a time (a miscounted edge shows as a different bin).
e = np.linspace(0.1, 0.7, 8)
print([int(np.argmax(counts(np.array([v]), 7, 0.1, 0.7))) for v in e], e[-1])
inf = float("inf")
nan = float("nan")
special = np.array([nan, inf, -inf, 0.0, -0.0, 1.0, 2.0, 2.0000000000000004, 1.9999999999999998, -1e300, 1e300, nan, 0.5])
print(both(special, 4, 0.0, 2.0))
print(both(special[:9].astype(np.float32), 4, 0.0, 2.0))
print(both(np.zeros(0), 5, 0.0, 1.0))
print(both(np.zeros(0, np.float32), 3, -1.0, 1.0))
print(default_range(np.zeros(0), 4))
print(default_range(np.array([3.0, 3.0, 3.0]), 4))
print(default_range(np.arange(10.0), 3))
print(both(np.arange(-5, 25), 6, 0.0, 19.0))
print(both(np.array([True, False, True]), 2, 0.0, 1.0))
grid = np.arange(24.0).reshape(4, 6) / 7
print(both(grid, 5, 0.0, 3.0), both(grid.T, 5, 0.0, 3.0), both(grid[:, ::2], 4, 0.5, 2.5))
big = (np.arange(100000) * 7919 % 100003) / 100003 * 8.0 - 4.0
print(counts(big, 64, -4.0, 4.0), counts(big.astype(np.float32), 64, -4.0, 4.0))
print(counts(big, 1000, -3.0, 3.0).sum(), counts(big[:1001], 3, -4.0, 4.0))
