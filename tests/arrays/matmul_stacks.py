# Covers: matmul and @ with a stack of matrices (3-d) on either side: 3-d @ 2-d, 3-d @ 1-d, 1-d @ 3-d, 2-d @ 3-d, 3-d @ 3-d with the stack axis broadcast, int and bool dtypes, an empty stack
import numpy as np


def stacks(s, m, v):
    print(np.matmul(s, m), s @ v, v[:3] @ s[:, :3, :])
    t = np.arange(16.0).reshape(2, 4, 2)
    print(np.matmul(s[:1], t), s @ t, (s.astype(np.int32) @ m.astype(np.int8)).dtype, (s[:0] @ m).shape)
    w = np.arange(6.0).reshape(2, 3)
    print(w @ s, (s > 2) @ (m > 1))


stacks(np.arange(24.0).reshape(2, 3, 4) - 5, np.arange(8.0).reshape(4, 2), np.array((1.0, -1.0, 0.5, 2.0)))
