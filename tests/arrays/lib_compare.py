# Covers: np.isclose (arrays, scalars, broadcasting, infinities, NaN with equal_nan, rtol/atol, float32), np.allclose,
# np.array_equal (shapes, dtypes, NaN), np.cumsum and np.cumprod along an axis (and negative axes)
import numpy as np


def closeness(a, b):
    print(np.isclose(a, b), np.isclose(a, b, equal_nan=True), np.isclose(a, b, rtol=0.1), np.isclose(a, b, 0.0, 0.5))
    print(np.isclose(a, 1.0), np.isclose(2.0, b), np.isclose(1.0, 1.0 + 1e-9), np.isclose(1.0, 1.1), np.isclose(np.inf, np.inf))
    print(np.isclose(np.nan, np.nan), np.isclose(np.nan, np.nan, equal_nan=True), np.isclose(3, 3), np.isclose(1 + 1j, 1 + 1.000000001j))
    print(np.isclose(np.arange(4), np.arange(4) + 1e-9), np.isclose(a.reshape(2, 3), b[:3]), np.isclose(a.astype(np.float32), b))
    print(np.allclose(a, b), np.allclose(a, a), np.allclose(a, b, equal_nan=True), np.allclose(a[:2], b[:2] + 1e-7),
          np.allclose(np.arange(3), np.arange(3.0)), np.allclose(a, b, atol=10.0, equal_nan=True), np.allclose(a[:0], b[:0]))


def equality(a, m):
    print(np.array_equal(a, a), np.array_equal(a, a + 1), np.array_equal(a, a[:2]), np.array_equal(m, m.T),
          np.array_equal(m, m.copy()), np.array_equal(a, m), np.array_equal(a.astype(np.float32), a))
    f = np.array((1.0, np.nan))
    print(np.array_equal(f, f), np.array_equal(f, f, equal_nan=True), np.array_equal(a[:0], a[:0]), np.array_equal(m[:, :0], m[:0]))


def cumulative(m, c):
    print(np.cumsum(m), np.cumsum(m, axis=0), np.cumsum(m, axis=1), np.cumsum(m, -1), np.cumsum(m, axis=-2))
    print(np.cumprod(m + 1, axis=0), np.cumprod(m + 1, axis=1), np.cumprod(c, 0), np.cumsum(c[::-1], 0))
    print(np.cumsum(m > 3, axis=0), np.cumsum(m.astype(np.int8), axis=1).dtype, np.cumsum(m.astype(np.float32) / 3, 1))
    print(np.cumsum(m.T, axis=1), np.cumsum(m[:0], axis=0).shape, np.cumsum(m[:, :0], axis=1).shape, np.cumprod(m.astype(np.uint8), 1).dtype)


a = np.array((1.0, 2.0, np.nan, np.inf, -np.inf, 1e-10))
b = np.array((1.0 + 1e-6, 2.5, np.nan, np.inf, np.inf, 0.0))
closeness(a, b)
m = np.arange(12).reshape(3, 4)
equality(np.arange(4), m)
cumulative(m, np.arange(1.0, 5.0) / 2)
