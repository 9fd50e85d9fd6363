# Covers: np.argpartition by selection (checked as properties: a permutation and the partition property, through a[i][kth]; the exact arrangement is partition_numpy_arrangement.py's): int and list kth, negative kth, NaNs last, float32, int8, uint16, complex (sorted), axis 0, 1, -1 and None of 2-d arrays, lines longer than the insertion-sort cutoff, NumPy's kth error
import numpy as np


def check(a, kth):
    i = np.argpartition(a, kth)
    s = np.sort(a)
    ok = np.all(np.sort(i) == np.arange(a.shape[0]))
    v = a[i]
    ks = np.array([kth]).ravel()
    for j in range(ks.shape[0]):
        k = ks[j] % a.shape[0]
        same = v[k] == s[k] or (v[k] != v[k] and s[k] != s[k])
        ok = ok and same and not np.any(v[:k] > v[k]) and not np.any(v[k + 1:] < v[k])
    print(i.dtype, i.shape, ok, v[ks[0] % a.shape[0]])


def lines(m, kth):
    for ax in (0, 1, -1):
        r = np.argpartition(m, kth, axis=ax)
        t = np.take_along_axis(m, r, axis=ax)
        print(ax, r.shape, np.all(np.sort(r, axis=ax) == np.sort(np.argsort(m, axis=ax), axis=ax)),
              np.all(np.sort(t, axis=ax) == np.sort(m, axis=ax)))
    f = np.argpartition(m, kth, axis=None)
    print(f.shape, m.ravel()[f][kth] == np.sort(m.ravel())[kth])


x = np.sin(np.arange(200) * 1.7) * 100
check(x, 50)
check(x, -3)
check(x, [0, 100, 199])
check(x.astype(np.float32), 7)
check(x.astype(np.int8), 120)
check(x.astype(np.uint16), 0)
y = x.copy()
y[::9] = np.nan
check(y, 150)
check(y, 190)
check(x[:10], 4)
c = x[:40] + 1j * x[40:80]
print(np.argpartition(c, 5)[5] == np.argsort(c, kind="stable")[5])
lines(np.cos(np.arange(600.0) * 0.37).reshape(20, 30), 6)
try:
    np.argpartition(x, 200)
except ValueError as e:
    print("ValueError:", e)
