# Covers: boolean masks on views (writes go through to the base), integer index arrays of int8/uint16/uint64 dtypes with negative entries, fancy reads of views, mask reads are copies
import numpy as np


def f(a, m):
    v = a[::2]
    v[v > 3] = -1
    print(a)
    w = m.T
    w[w % 2 == 0] = 0
    print(m)
    idx8 = np.array((-1, 0, -2), dtype=np.int8)
    print(a[idx8], a[np.array((1, 2), dtype=np.uint64)], a[np.array((3,), dtype=np.uint16)])
    a[idx8] = np.array((100, 200, 300))
    print(a)
    c = m[:, 1]
    c[np.array((0, 2))] += 50
    print(m)
    r = m[::-1][np.array((0, 0, 1))]
    print(r)
    q = m[m > 10]
    q[0] = 9999
    print(m, q)
    m[m > 10] = m[m > 10] + np.arange(q.shape[0])
    print(m)


f(np.arange(10), np.arange(15).reshape(3, 5))
