# Covers: elementary cellular automata (rules 30, 90, 110) on uint8 rows with shifted slices and bit arithmetic, history stored in a 2-d array
import numpy as np


def step(row, rule):
    left = np.zeros_like(row)
    right = np.zeros_like(row)
    left[1:] = row[:-1]
    right[:-1] = row[1:]
    pattern = (left << 2) | (row << 1) | right
    return (rule >> pattern) & 1


def run(rule, width, steps):
    hist = np.zeros((steps, width), dtype=np.uint8)
    row = np.zeros(width, dtype=np.uint8)
    row[width // 2] = 1
    for t in range(steps):
        hist[t] = row
        row = step(row, rule).astype(np.uint8)
    return hist


for_rule = run(30, 15, 7)
print(for_rule)
print(run(90, 15, 7).sum(axis=1), run(110, 15, 7).sum(axis=0))
