# Covers: sorting arrays by hand (insertion sort in place, recursive quicksort on views, argsort by selection), binary search (searchsorted by hand)
import numpy as np


def insertion_sort(a):
    for i in range(1, a.shape[0]):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a


def quicksort(a):
    n = a.shape[0]
    if n <= 1:
        return
    pivot = a[n - 1]
    i = 0
    for j in range(n - 1):
        if a[j] < pivot:
            t = a[i]
            a[i] = a[j]
            a[j] = t
            i += 1
    a[n - 1] = a[i]
    a[i] = pivot
    quicksort(a[:i])
    quicksort(a[i + 1:])


def argsort(a):
    n = a.shape[0]
    idx = np.arange(n)
    used = np.zeros(n, dtype=np.bool_)
    for k in range(n):
        best = -1
        for i in range(n):
            if not used[i] and (best < 0 or a[i] < a[best]):
                best = i
        used[best] = True
        idx[k] = best
    return idx


def searchsorted(a, v):
    lo = 0
    hi = a.shape[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


data = np.array((5, 3, 8, 1, 9, 2, 7, 3))
print(insertion_sort(data.copy()), insertion_sort(np.array((2.5, -1.0, 0.0))))
q = data.copy()
quicksort(q)
print(q, data)
f = np.linspace(1.0, -1.0, 7)
quicksort(f)
print(f)
i = argsort(data)
print(i, data[i])
print(searchsorted(q, 0), searchsorted(q, 3), searchsorted(q, 4), searchsorted(q, 100))
