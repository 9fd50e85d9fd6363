# Covers: dynamic programming on int arrays: LCS length table (2-d), 0/1 knapsack (1-d, reversed loop), coin change counts, edit distance with np.minimum
import numpy as np


def lcs(a, b):
    t = np.zeros((a.shape[0] + 1, b.shape[0] + 1), dtype=np.int32)
    for i in range(1, a.shape[0] + 1):
        for j in range(1, b.shape[0] + 1):
            if a[i - 1] == b[j - 1]:
                t[i, j] = t[i - 1, j - 1] + 1
            else:
                t[i, j] = max(t[i - 1, j], t[i, j - 1])
    return t[-1, -1], t


def knapsack(weights, values, cap):
    best = np.zeros(cap + 1, dtype=np.int64)
    for k in range(weights.shape[0]):
        w = weights[k]
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + values[k])
    return best


def coin_ways(coins, total):
    ways = np.zeros(total + 1, dtype=np.int64)
    ways[0] = 1
    for c in coins:
        ways[c:] += 0
        for s in range(c, total + 1):
            ways[s] += ways[s - c]
    return ways


def edit_distance(a, b):
    prev = np.arange(b.shape[0] + 1)
    for i in range(1, a.shape[0] + 1):
        cur = np.empty_like(prev)
        cur[0] = i
        for j in range(1, b.shape[0] + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]


n, t = lcs(np.array((1, 3, 4, 1, 2, 1, 3)), np.array((3, 4, 1, 2, 1, 3, 3)))
print(n)
print(t)
print(knapsack(np.array((1, 3, 4, 5)), np.array((1, 4, 5, 7)), 7))
print(coin_ways(np.array((1, 2, 5)), 12))
print(edit_distance(np.array((1, 2, 3, 4)), np.array((1, 3, 4, 5))), edit_distance(np.arange(5), np.arange(5)))
