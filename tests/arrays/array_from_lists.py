# Covers: np.array and np.asarray of lists: numbers (int, float, bool, complex; dtype= given), nested lists, lists of tuples, of arrays, lists built by append and by comprehensions
import numpy as np


def lists(n):
    xs = [1, 2, 3]
    fs = [0.5 * i for i in range(n)]
    print(np.array(xs), np.array(fs), np.array([True, False]), np.array([1 + 2j, 3j]), np.array(xs, np.float32), np.array(xs, dtype=np.int8))
    print(np.array([[1, 2], [3, 4]]), np.array([[1.5, 2.0, 3.0]] * 2), np.array([(1, 2), (3, 4)]), np.asarray([[[1, 2]], [[3, 4]]]).shape)
    rows = []
    for i in range(n):
        rows.append([i * 1.0, i + 0.5])
    print(np.array(rows), np.array([np.arange(2), np.arange(2) + 5]))
    grid = [[i * j for j in range(3)] for i in range(n)]
    print(np.array(grid), np.array(grid).sum(axis=1))


lists(4)
