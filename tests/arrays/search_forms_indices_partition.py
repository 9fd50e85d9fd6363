# Covers: np.triu_indices / np.tril_indices (k, m), np.diag_indices, np.partition / np.argpartition (NumPy's order of the elements other than kth is its introselect's: compared through a[kth] and the sorted halves), np.logspace
import numpy as np


def indices():
    show = lambda t: print([x.dtype for x in t], t)
    show(np.triu_indices(3))
    show(np.triu_indices(4, 1))
    show(np.triu_indices(3, -1, 5))
    show(np.tril_indices(3))
    show(np.tril_indices(4, k=-1))
    show(np.tril_indices(2, 1, m=4))
    show(np.triu_indices(0))
    show(np.diag_indices(3))
    a = np.arange(16).reshape(4, 4)
    r, c = np.triu_indices(4, 1)
    print(a[r, c])
    r, c = np.tril_indices(4)
    print(a[r, c])
    r, c = np.diag_indices(4)
    print(a[r, c])


def check_partition(a, kth):
    p = np.partition(a, kth)
    s = np.sort(a)
    k = kth if kth >= 0 else kth + a.shape[0]
    print(p.dtype, p.shape, p[k] == s[k], np.all(np.sort(p[:k]) == s[:k]), np.all(np.sort(p[k + 1:]) == s[k + 1:]), np.all(p[:k] <= p[k]), np.all(p[k + 1:] >= p[k]))
    i = np.argpartition(a, kth)
    print(i.dtype, a[i][k] == s[k], np.all(np.sort(a[i]) == s), np.all(a[i][:k] <= a[i][k]))


def partitions():
    a = np.array([7, 2, 9, 1, 5, 3, 8, 3])
    check_partition(a, 0)
    check_partition(a, 3)
    check_partition(a, -1)
    f = np.array([0.5, -1.5, 2.25, 0.0, 10.0, -3.0])
    check_partition(f, 2)
    print(np.partition(a, 4)[4], np.partition(f, -2)[4])
    m = np.array([[3, 1, 2], [9, 7, 8]])
    p = np.partition(m, 1, axis=1)
    print(p[:, 1])
    p = np.partition(m, 0, axis=0)
    print(p[0])
    print(np.partition(m, 2, axis=None)[2])
    try:
        np.partition(a, 8)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.partition(a, -9)
    except ValueError as e:
        print("ValueError", e)


def logspaces():
    print(np.logspace(0, 3, 4))
    print(np.logspace(0.0, 1.0, 5))
    print(np.logspace(2, 3, num=4, base=2.0))
    print(np.logspace(1, 4, 3, endpoint=False))
    print(np.logspace(-2, 2, 5, base=3))
    y = np.logspace(0, 2, 7)
    print(y.dtype, y.shape, y)
    print(np.logspace(0, 1, 0))
    print(np.logspace(0, 2, 3, dtype=np.float32))


indices()
partitions()
logspaces()
