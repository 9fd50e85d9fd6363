# Covers: int64 arrays floor-divided and taken modulo by numbers known only at run time (function arguments): positive divisors multiply or shift (1, 2, 3, 7, 8, 10, 641, 2**31 - 1, 2**40, 10**18, 2**63 - 1), others divide element by element (-1, -7, -2**63); int32 and numpy scalar divisors, fused expressions, in-place, strided and 2-d arrays, the int64 limits
import numpy as np


def divide(a, d):
    b = a.copy()
    b //= d
    c = a.copy()
    c %= d
    print(d, a // d, a % d, np.floor_divide(a, d), np.remainder(a, d), (a + 1) // d - a % d * 2, b, c)


def both(a, d, e):
    print(a // d + a // e, a % d - a % e)


big = np.array([0, 1, -1, 2, -2, 6, 7, -7, -8, 13, -13, 999, -1000, 123456789012345, -987654321098765,
                9223372036854775807, -9223372036854775808, -9223372036854775807, 4611686018427387904])
for d in (1, 2, 3, 7, 8, 10, 641, 2147483647, 2**40, 10**18, 2**63 - 1, -1, -7, -2**63):
    divide(big, d)
divide(np.arange(-30, 30).reshape(6, 10)[:, ::3], 4)
divide(np.arange(-30, 30).reshape(6, 10).T, 9)
divide(big, np.int32(12))
divide(big, np.int64(5))
both(big, 3, 16)
both(np.arange(-20, 20), -3, 5)
