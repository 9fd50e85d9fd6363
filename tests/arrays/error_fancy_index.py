# BUG (leak): integer-array indexing that raises "IndexError: index 7 is out of bounds for axis 0 with size 5"
# leaks one runtime allocation (the gathered result): the live-allocation count is one higher after the program.
# The same for rows of a 2-d array (m[np.array((0, 5))]) and inside a fused expression (a[idx] * 2 + 1).
# (Boolean-mask gathers that raise do not leak.)
import numpy as np


def gather(a, idx):
    return a[idx]


print(gather(np.arange(5), np.array((0, 7, 1))))
