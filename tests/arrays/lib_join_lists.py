# Covers: lists as the sequence arguments of np.stack, np.concatenate, np.vstack, np.hstack, np.column_stack and np.array (a list of arrays, one built by append)
import numpy as np


def joins(a, b, m):
    print(np.stack([a, b]), np.stack([a, b], axis=1), np.concatenate([a, b, a]), np.vstack([a, b]), np.hstack([a, b]))
    print(np.concatenate([m, m], axis=1), np.column_stack([a, b]), np.array([a, b]), np.array([m, m]).shape)
    parts = []
    for k in range(3):
        parts.append(a * k)
    print(np.stack(parts), np.concatenate(parts), np.vstack(parts).shape, np.array(parts))


joins(np.arange(3.0), np.ones(3), np.arange(6).reshape(2, 3))
