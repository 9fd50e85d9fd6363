# Covers: reductions and a fused expression over lengths 1..40 and over views (offset, reversed, strided) of int64/float32/int8 arrays: vector loops and their remainders
import numpy as np


def stats(v):
    return v.sum(), v.min(), v.max(), v.argmin(), v.argmax(), v.any(), v.all(), np.count_nonzero(v)


def fused(a, b):
    return ((a * 3 - b) // 2 + (a > b)).sum()


def one(v, tag, n):
    if v.shape[0] == 0:
        return
    s = stats(v)
    print(tag, n, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], fused(v, v[::-1]))


def sweep(like, tag):
    for n in range(1, 41, 3):
        base = ((np.arange(n) * 7919) % 101 - 50).astype(like.dtype)
        one(base, tag, n)
        one(base[1:], tag, n)
        one(base[::-1], tag, n)
        one(base[::2], tag, n)
        one(base[::-3], tag, n)


sweep(np.zeros(0, dtype=np.int64), 8)
sweep(np.zeros(0, dtype=np.float32), 32)
sweep(np.zeros(0, dtype=np.int8), 1)
