# Covers: np.modf, np.frexp and np.ldexp on arrays (float64, float32, int16, int64; n-d and strided) and numbers:
# signs of zero, infinities, NaN, subnormals, overflow and underflow, broadcasting, loop dtypes, the input-type error
import numpy as np


def parts():
    a = np.array([2.5, -3.25, -3.0, 0.0, -0.0, np.inf, -np.inf, np.nan, 1e-310, 7.0])
    print(np.modf(a))
    print(np.modf(a.astype(np.float32)))
    print(np.modf(np.arange(-3, 3, dtype=np.int16)))
    print(np.modf(np.arange(6).reshape(2, 3)[:, ::2] * 1.5))
    print(np.modf(-2.75), np.modf(4), np.modf(np.float32(1.25)))
    f, i = np.modf(np.float32(-0.5))
    print(type(f).__name__, type(i).__name__, f, i)
    print(np.frexp(a))
    print(np.frexp(a.astype(np.float32)))
    print(np.frexp(np.array([[1, 2], [3, 1024]])))
    print(np.frexp(48.0), np.frexp(np.float32(0.1)))
    m, e = np.frexp(np.float32(3.0))
    print(type(m).__name__, type(e).__name__, m, e)


def scale():
    a = np.array([1.0, -1.5, 0.0, 3.0, np.inf, np.nan, 1e-300, 1.7e308])
    n = np.array([1, 2, 3, -1075, 4, 5, -800, 2])
    print(np.ldexp(a, n))
    print(np.ldexp(a, 3))
    print(np.ldexp(a.astype(np.float32), np.array([1, 2, 3, -140, 4, 5, -149, 200], np.int32)))
    print(np.ldexp(np.array([1, 2, 3]), np.array([[1], [2]])))
    print(np.ldexp(0.75, np.arange(4)), np.ldexp(3.0, 4), np.ldexp(np.float32(3.0), 2))
    print(np.ldexp(np.array([3.0, 5.0]), 2000), np.ldexp(np.array([3.0, -5.0]), -2000), np.ldexp(4.9e-324, 1))
    print(np.ldexp(np.array([1.5]), np.array([-1074]))[0], np.ldexp(np.array([1.0000000000000002]), -1074))


def errors():
    try:
        np.ldexp(np.ones(2), np.array([1.5, 2.0]))
    except TypeError as e:
        print("TypeError", e)


parts()
scale()
errors()
