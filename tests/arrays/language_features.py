# Covers: arrays with language features: module constants, None defaults decided at compile time, lambdas and closures over
# arrays, functions passed as values, recursion on slices (merge sort), rebinding a name to arrays of other dtypes, walrus
import numpy as np

N = 4


def weighted(a):
    return (a * np.array((0.5, 0.25, 0.25))).sum()


def maybe_out(a, out=None):
    if out is None:
        out = np.zeros_like(a)
    out[:] = a * 2
    return out


def apply(f, a):
    return f(a)


def closure(a):
    k = a.max()
    g = lambda x: x - k
    return g(a), apply(lambda y: y * 2, a)


def merge_sort(a):
    n = a.shape[0]
    if n <= 1:
        return a.copy()
    left = merge_sort(a[: n // 2])
    right = merge_sort(a[n // 2:])
    out = np.empty_like(a)
    i = 0
    j = 0
    k = 0
    while i < left.shape[0] and j < right.shape[0]:
        if left[i] <= right[j]:
            out[k] = left[i]
            i += 1
        else:
            out[k] = right[j]
            j += 1
        k += 1
    while i < left.shape[0]:
        out[k] = left[i]
        i += 1
        k += 1
    while j < right.shape[0]:
        out[k] = right[j]
        j += 1
        k += 1
    return out


def rebind(n):
    x = np.arange(n)
    print(x)
    x = x * 0.5
    print(x)
    x = x > 0.5
    return x


def walrus(a):
    if (m := a.max()) > 2:
        return m
    return -1


print(weighted(np.ones(3)), weighted(np.arange(3.0)), N)
print(maybe_out(np.arange(3)), maybe_out(np.arange(3.0), np.ones(3)))
print(closure(np.arange(4)))
print(merge_sort(np.array((5, 2, 9, 1, 5, 6, -3))), merge_sort(np.array((0.5, -1.5, 2.5))), merge_sort(np.zeros(0)))
print(rebind(3), walrus(np.arange(5)), walrus(np.arange(2)))
