# Covers: range loops whose indices a precondition proves in bounds (run without checks) and the same loops where it fails (checked copy): guards (chained, and, not, ==), counter offsets, invariant indices, running argmax, negative wrap on purpose, step 2, triangular nests, values used after the loop, IndexError at the right element
import numpy as np


def wave_step(c, p, out):
    n, m = c.shape
    for i in range(n):
        for j in range(m):
            a = 0.0
            if 0 < i < n - 1 and 0 < j < m - 1:
                a = c[i - 1, j] + c[i + 1, j] + c[i, j - 1] + c[i, j + 1] - 4.0 * c[i, j]
            out[i, j] = 2.0 * c[i, j] - p[i, j] + 0.1 * a
    return out


def argminmax(a):
    best_max = 0
    best_min = 0
    for i in range(1, len(a)):
        if a[i] > a[best_max]:
            best_max = i
        if a[i] < a[best_min]:
            best_min = i
    return best_max, best_min


def periodic(a):
    out = np.empty_like(a)
    n = len(a)
    for j in range(n):
        out[j] = a[j - 1] + a[j] + a[(j + 1) % n]   # a[-1] on purpose
    return out


def after_loop(a, stop_at):
    total = 0.0
    last = -1
    found = -1
    for j in range(len(a)):
        total += a[j]
        last = j
        if a[j] > stop_at:
            found = j
            break
    return total, last, found


def guarded_invariant(a, k, flag):
    s = 0.0
    for j in range(len(a)):
        if flag and not (k >= len(a)):
            s += a[k] * a[j]
        if j == k:
            s += a[j]
    return s


def strided(a):
    s = 0.0
    for j in range(-3, len(a), 2):
        s += a[j]
    return s


def triangle(m):
    n = m.shape[0]
    s = 0.0
    for i in range(n):
        for j in range(i):
            s += m[i, j] - m[j, i]
    return s


def shifted(a, out):
    for j in range(len(a)):
        out[j] = a[j + 1]   # one past the end at the last j
    return out


def attempt(f, *args):
    try:
        print(f(*args))
    except IndexError as e:
        print("IndexError:", e)


c = np.arange(42.0).reshape(6, 7) % 5.0
attempt(wave_step, c, c * 0.5, np.zeros((6, 7)))
attempt(wave_step, c, np.ones((6, 5)), np.zeros((6, 7)))      # p too narrow: row 0, column 5
attempt(wave_step, c, c, np.zeros((5, 7)))                    # out too short
x = np.array([0.3, 0.9, -0.2, 0.9, 0.1, -0.7, 0.4])
print(argminmax(x), argminmax(x[:1]), argminmax(x[::-2]))
print(periodic(x))
print(after_loop(x, 0.5), after_loop(x, 5.0), after_loop(x[:0], 0.0))
print(guarded_invariant(x, 2, True), guarded_invariant(x, 9, True), guarded_invariant(x, 9, False))
attempt(guarded_invariant, x, -9, True)
print(strided(x), strided(x[:3]))
attempt(strided, x[:2])
print(triangle(np.arange(16.0).reshape(4, 4)), triangle(np.zeros((0, 0))))
attempt(shifted, x, np.zeros(7))
out = np.zeros(7)
attempt(shifted, x, out)
print(out)
attempt(shifted, np.arange(8.0), np.zeros(7))
