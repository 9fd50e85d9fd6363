# Covers: Conway's game of life on a uint8 grid with neighbour counts from shifted slices, boolean rules, np.where, a glider over several generations
import numpy as np


def neighbours(g):
    n = np.zeros(g.shape, dtype=np.int64)
    n[1:, :] += g[:-1, :]
    n[:-1, :] += g[1:, :]
    n[:, 1:] += g[:, :-1]
    n[:, :-1] += g[:, 1:]
    n[1:, 1:] += g[:-1, :-1]
    n[:-1, :-1] += g[1:, 1:]
    n[1:, :-1] += g[:-1, 1:]
    n[:-1, 1:] += g[1:, :-1]
    return n


def step(g):
    n = neighbours(g)
    alive = (n == 3) | ((g == 1) & (n == 2))
    return np.where(alive, 1, 0).astype(np.uint8)


g = np.zeros((6, 6), dtype=np.uint8)
g[0, 1] = 1
g[1, 2] = 1
g[2, 0] = 1
g[2, 1] = 1
g[2, 2] = 1
for gen in range(5):
    print(gen, g.sum())
    print(g)
    g = step(g)
