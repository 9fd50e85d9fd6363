# uint64 elements of 2**63 and above are unsigned everywhere: NumPy's uint64 loops divide, take remainders, compare,
# take abs, sign, min/max, clip, gcd/lcm and sort as unsigned numbers; a uint64 against a signed number compares the
# values.
import numpy as np


def ufuncs(a):
    print(np.abs(a), np.sign(a), np.absolute(a) > 3)
    print(a // 3, a % 7, np.fmod(a, 7), np.remainder(a, np.uint64(10)), np.floor_divide(a, np.uint64(2**63)))
    print(np.maximum(a, 1), np.minimum(a, 1), np.fmax(a, 7), np.fmin(a, 7), np.maximum(a, a[::-1]))
    print(np.clip(a, 1, 2**63 + 5), a.clip(6, 2**64 - 2))
    print(np.gcd(a, 6), np.lcm(a, 3), np.gcd(a, a[::-1]))
    print(a ** 2, np.power(a, np.uint64(3)), np.square(a))


def ordering(a):
    print(np.sort(a), np.argsort(a), np.unique(a), np.sort(a)[::-1])
    print(np.searchsorted(np.sort(a), a), np.median(a))
    s = 0
    for x in a:
        if x > 10:
            s += 1
        if x < -1:
            s += 100
        if x == -1:
            s += 1000
    print(s, a[0] > a[2], a[0] != -1, a[1] >= 2**63)


def scalars(x, y):
    print(np.maximum(x, y), np.minimum(x, y), np.abs(x), np.sign(x), x // y, x % y, np.fmod(x, y), np.gcd(x, y))
    print(x > -5, -5 < x, x == -1, x > 5, x <= y)


a = np.array([2**63, 2**64 - 1, 5, 0, 2**63 + 6], dtype=np.uint64)
ufuncs(a)
ordering(a)
scalars(np.uint64(2**64 - 3), np.uint64(2**63 + 1))
scalars(np.uint64(7), np.uint64(3))


def powers(a, e):
    # NumPy's uint64 power loop: exponents from 2**63 are large, not negative
    return a ** a, np.power(a, e), abs(abs(a)) ** (a + a)


print(powers(np.array([2**64 - 1, 3, 2**64 - 2, 2], dtype=np.uint64), np.uint64(2**64 - 1)))
