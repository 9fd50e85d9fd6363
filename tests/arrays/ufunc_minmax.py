# Covers: maximum/minimum (propagate nan) vs fmax/fmin (ignore nan) on floats, ints of mixed widths, broadcasting, -0.0 vs 0.0
import numpy as np


def mm(a, b):
    print(np.maximum(a, b), np.minimum(a, b), np.fmax(a, b), np.fmin(a, b))


n = np.nan
x = np.array((1.0, n, 3.0, n, -0.0, 0.0))
y = np.array((2.0, 1.0, n, n, 0.0, -0.0))
mm(x, y)
mm(x.astype(np.float32), y.astype(np.float32))
mm(np.arange(-3, 3), 0)
mm(np.arange(5, dtype=np.int8), np.arange(5, dtype=np.uint8)[::-1])
mm(np.arange(6).reshape(2, 3), np.arange(3)[::-1])
mm(np.arange(4, dtype=np.uint32), 2.5)
mm(np.arange(3) > 1, np.arange(3) > 0)
print(np.maximum(np.arange(3), np.inf), np.minimum(-np.inf, np.arange(2.0)), np.maximum(np.int8(3), np.arange(5, dtype=np.int8)))
