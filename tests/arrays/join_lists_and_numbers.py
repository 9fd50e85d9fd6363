# Covers: lists and numbers among the arrays joined by concatenate, hstack, vstack, column_stack and stack (NumPy makes
# an array of each), as numpy-benchmarks' grouping kernel writes np.concatenate(([1], np.diff(values)))
import numpy as np


def grouping(values):
    values = np.sort(values)
    diff = np.concatenate(([1], np.diff(values)))
    idx = np.concatenate((np.where(diff)[0], [len(values)]))
    return values[idx[:-1]], np.diff(idx)


def joins(a):
    print(np.concatenate(([1.5, 2.5], a)), np.hstack((a, [7, 8])), np.vstack(([0.0, 1.0, 2.0], a)))
    print(np.column_stack((a, [1, 2, 3])), np.stack(([9, 9, 9], a), axis=1))
    try:
        np.concatenate((a, 3.0))
    except ValueError as e:
        print("ValueError", e)


print(grouping(np.array([3, 1, 2, 3, 3, 1, 7])))
joins(np.array([0.5, 1.5, 2.5]))
