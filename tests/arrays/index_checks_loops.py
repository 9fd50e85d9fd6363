# Covers: bounds checks on indices that move with a loop counter (the unsigned compare, negative indices wrapping on
# its side path, loops LLVM splits so that their middle part runs unchecked): a loop whose last iterations are out of
# bounds raises IndexError at the first of them with the writes before it visible, i - k wrapping to the end of the
# axis, offsets on both ends, reversed and strided ranges, runtime start and stop, 2-d stencils guarded by an if
# whose reads run past an edge, and a loop where only some iterations index (a checked access under a condition)
import numpy as np


def shift_copy(dst, src, k):
    for i in range(len(dst)):
        dst[i] = src[i + k]


def try_shift(n, m, k):
    dst = np.zeros(n)
    src = np.arange(m, dtype=np.float64) + 10.0
    try:
        shift_copy(dst, src, k)
        print("ok", k, dst)
    except IndexError as err:
        print("IndexError:", err, dst)


def window_sums(x, w, extra):
    n = len(x)
    m = len(w)
    out = np.zeros(n - m + 1)
    for i in range(n - m + 1 + extra):
        s = 0.0
        for j in range(m):
            s += x[i + j] * w[m - 1 - j]
        out[i] = s
    return out


def ranged(a, start, stop, step, k):
    total = 0
    for i in range(start, stop, step):
        total = total * 3 + a[i + k]
        a[i] += 1
    return total


def stencil(c, di, dj):
    n, m = c.shape
    out = np.zeros_like(c)
    for i in range(n):
        for j in range(m):
            a = 0.0
            if 0 < i < n - 1 and 0 < j < m - 1:
                a = c[i - 1, j] + c[i + di, j + dj] + c[i, j - 1] + c[i, j + 1] - 4.0 * c[i, j]
            out[i, j] = c[i, j] + a
    return out


def sometimes(a, idx, limit):
    count = 0
    for i in range(len(idx)):
        if idx[i] < limit:
            count += a[idx[i]]
        a[i] = count
    return count


def attempt(f, *args):
    try:
        print(f(*args))
    except IndexError as err:
        print("IndexError:", err)


for n, m, k in [(5, 5, 0), (5, 5, 1), (5, 5, -1), (5, 5, -5), (5, 5, -6), (5, 3, -2), (5, 3, 0), (4, 9, 5),
                (4, 9, 6), (0, 0, 3), (3, 2, -3)]:
    try_shift(n, m, k)

x = np.arange(12, dtype=np.float64)
w = np.array([1.0, 2.0, 3.0])
print(window_sums(x, w, 0))
attempt(window_sums, x, w, 1)
attempt(window_sums, x, w, 2)

for start, stop, step, k in [(0, 8, 1, 0), (0, 8, 1, 1), (3, 8, 1, -3), (3, 8, 1, -12), (7, -1, -1, 0),
                             (7, -2, -1, 0), (7, -9, -1, 0), (7, -10, -1, 0), (0, 8, 3, 0), (1, 8, 3, 2),
                             (-8, 0, 1, 0), (-9, 0, 1, 0), (2, 2, 1, 100)]:
    a = np.arange(8)
    attempt(ranged, a, start, stop, step, k)
    print(a)

c = np.arange(30, dtype=np.float64).reshape(5, 6) ** 1.5
print(stencil(c, 1, 0))
print(stencil(c, 1, 1))
attempt(stencil, c, 2, 0)
attempt(stencil, c, 1, 2)
attempt(stencil, c, -5, 0)
attempt(stencil, c, -6, 0)

v = np.arange(6) * 2
print(sometimes(v.copy(), np.array([0, 5, 9, 3, -1, 2]), 6), v)
a = v.copy()
attempt(sometimes, a, np.array([0, 5, 9, 3, -7, 2]), 10)
print(a)
