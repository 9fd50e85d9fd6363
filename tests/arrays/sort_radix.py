# Covers: np.sort of arrays long enough for the radix sort (Library/py/numpy.py _radix_sort_keys): every integer dtype
# with its extremes (uint64 >= 2**63, int64 min), bool, float32/float64 with NaN (either sign), inf and -inf, keys that
# share bytes (skipped passes), sorted, reversed and constant arrays, strided and 2-d inputs along each axis, a.sort().
# No array mixes 0.0 and -0.0: NumPy leaves their order to its algorithm (the radix sort puts -0.0 first).
import numpy as np


def mixed(n, seed):
    # deterministic pseudo-random int64 values over the whole range
    out = np.empty(n, np.int64)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        hi = x
        x = (x * 1103515245 + 12345) % 2147483648
        out[i] = (hi - 1073741824) * 8589934592 + x
    return out


def summary(s):
    # the ends, a middle stretch, whether it is ordered (NaN last), and a checksum of the values
    n = s.shape[0]
    print(s.dtype, n, s[:6], s[n // 2:n // 2 + 4], s[-6:])


def checked(a):
    s = np.sort(a)
    summary(s)
    return s


def integers(n):
    r = mixed(n, 12345)
    checked(r)
    checked(r.astype(np.int32))
    checked(r.astype(np.int16))
    checked(r.astype(np.int8))
    checked(r.astype(np.uint64))
    checked(r.astype(np.uint32))
    checked(r.astype(np.uint16))
    checked(r.astype(np.uint8))
    small = (r % 1000).astype(np.int64)
    s = checked(small)
    print(bool((s[1:] >= s[:-1]).all()), s.sum() == small.sum())
    ends = r.copy()
    ends[3] = -9223372036854775807 - 1
    ends[7] = 9223372036854775807
    ends[11] = -1
    ends[13] = 0
    checked(ends)
    u = ends.astype(np.uint64)
    checked(u)
    checked(r > 0)
    checked(np.arange(n))
    checked(np.arange(n)[::-1])
    checked(np.full(n, -7, np.int32))
    checked(r[::3])


def floats(n):
    r = mixed(n, 99)
    f = (r % 2000001 - 1000000) / 997.0
    f[5] = np.nan
    f[6] = -np.nan
    f[9] = np.inf
    f[10] = -np.inf
    f[20] = np.nan
    f[30] = 1e-310
    f[31] = -1e-300
    s = checked(f)
    print(np.isnan(s[-3:]), bool((s[1:-3] >= s[:-4]).all()))
    s = checked(f.astype(np.float32))
    print(np.isnan(s[-3:]), bool((s[1:-3] >= s[:-4]).all()))
    checked(f[::-2])
    checked(np.linspace(5.0, -5.0, n))
    big = r * 1e-3
    checked(big)


def rows(n):
    r = mixed(4 * n, 5)
    m = (r % 100001).reshape(4, n) / 3.0
    s = np.sort(m)
    print(s[:, :3], s[:, -3:], np.sort(m.T, axis=0)[-2:, :])
    c = (r % 50000).reshape(n, 4).astype(np.int32)
    print(np.sort(c, axis=0)[:3], np.sort(c, axis=None)[-5:])
    m.sort()
    print(m[:, :2], bool((m == s).all()))


integers(1000)
integers(513)
floats(2000)
floats(600)
rows(700)
