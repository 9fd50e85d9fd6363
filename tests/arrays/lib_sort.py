# Covers: np.sort and np.argsort (1-d, 2-d along each axis, axis=None; NaN last, complex order, large arrays), np.unique
# (NaNs counted once, return_index/return_inverse/return_counts), searchsorted (left/right, scalars and arrays),
# median (odd/even, NaN, axis), ptp (wrapping int8), interp (scalars, arrays, left/right, one point, NaN)
import numpy as np


def lcg(n, seed):
    out = np.empty(n, np.int64)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out[i] = x % 1000003
    return out


def sorting(a, f, m):
    print(np.sort(a), np.argsort(a + np.arange(8) * 0.01), np.sort(a[::-1]), np.sort(a[:0]), np.sort(a[:1]))
    print(np.sort(f), np.argsort(f), np.sort(f.astype(np.float32)), np.sort(f > 0))
    print(np.sort(m), np.sort(m, axis=0), np.sort(m, axis=None), np.sort(m, 1), np.sort(m.T, -2))
    print(np.argsort(m), np.argsort(m, axis=0), np.argsort(m, axis=None), np.sort(m, kind="stable"))
    c = np.array((1 + 2j, 1 - 2j, -3 + 0j, complex(np.nan, 1.0), 0j, 1 + 1j))
    print(np.sort(c), np.sort(np.array((3, 1, 2), np.uint8)), np.sort(np.array((-1, 5, -7), np.int16)))
    big = lcg(5000, 7)
    s = np.sort(big)
    print(s[:8], s[-8:], bool((s[1:] >= s[:-1]).all()), s.sum() == big.sum())
    u = np.unique(big)
    idx = np.argsort(u[::-1])
    print(u.shape, idx[:5], bool((u[::-1][idx] == u).all()))
    fb = big / 7.0
    fs = np.sort(fb)
    print(fs[:4], fs[-4:], np.argsort(np.unique(fb)[::-1])[:6], np.median(fb), np.median(big), np.median(big[:-1]))


def uniques(a, f, m):
    print(np.unique(a), np.unique(f), np.unique(m % 3), np.unique(a[:0]), np.unique(np.array((np.nan, np.nan))))
    print(np.unique(np.array((2.0, np.nan, 1.0, np.nan, 2.0))), np.unique(a > 3))
    u, c = np.unique(a, return_counts=True)
    print(u, c)
    u, i = np.unique(a, return_index=True)
    print(u, i)
    u, i, inv, c = np.unique(m, True, True, True)
    print(u, i, inv, c)
    u, inv = np.unique(f, return_inverse=True)
    print(u, inv, u[inv])


def searching(s, v):
    print(np.searchsorted(s, 3), np.searchsorted(s, 3, side="right"), np.searchsorted(s, 3.5), np.searchsorted(s, -10))
    print(np.searchsorted(s, v), np.searchsorted(s, v, "right"), np.searchsorted(s, v.reshape(2, 3), side="left"))
    print(np.searchsorted(s[:0], v), np.searchsorted(s.astype(np.float64), np.nan), np.searchsorted(np.array((1.0, np.nan)), np.nan, "right"))


def stats(a, f, m):
    print(np.median(a), np.median(a[:-1]), np.median(f), np.median(m), np.median(m, axis=0), np.median(m, axis=1), np.median(m, -1))
    print(np.median(f.astype(np.float32)), np.median(np.array((1.0, np.nan, 3.0))), np.median(np.array((7,), np.int8)))
    print(np.ptp(a), np.ptp(f), np.ptp(m), np.ptp(m, axis=0), np.ptp(m, 1), np.ptp(np.array((100, -100), np.int8)))
    print(np.ptp(np.array((250, 3), np.uint8)), np.ptp(f.astype(np.float32)))


def interpolate(xp, fp):
    print(np.interp(2.5, xp, fp), np.interp(-1, xp, fp), np.interp(10, xp, fp), np.interp(3, xp, fp))
    x = np.array((-1.0, 0.0, 0.5, 1.0, 2.2, 3.9, 4.0, 7.0, np.nan))
    print(np.interp(x, xp, fp), np.interp(x, xp, fp, left=-1.0, right=99), np.interp(x.reshape(3, 3), xp, fp))
    print(np.interp(x, np.array((2.0,)), np.array((5.0,))), np.interp(x, xp, fp.astype(np.float32)),
          np.interp(np.arange(6), xp.astype(np.int8), fp), np.interp(2, xp, fp, 0, 0))
    print(np.interp(np.array((1.0, 1.5, 2.0)), np.array((1.0, 1.0, 2.0)), np.array((0.0, 10.0, 20.0))))


a = np.array((5, 3, 9, 1, 3, 7, 0, 3))
f = np.array((0.5, -1.5, np.nan, 2.25, -0.0, 8.0, np.inf, -np.inf, 3.75))
m = np.array((4, 1, 3, 9, 0, 2, 7, 5, 8, 6, 11, 10)).reshape(3, 4)
sorting(a, f, m)
uniques(a, f, m)
searching(np.array((0, 1, 3, 3, 3, 6, 8)), np.array((-1, 0, 3, 4, 8, 9)))
stats(a, f[f == f], m)
interpolate(np.array((0.0, 1.0, 2.0, 4.0)), np.array((0.0, 10.0, 5.0, 7.5)))
