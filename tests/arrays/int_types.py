# Covers: narrow integer arrays wrap in their own width, uint arithmetic, mixed int widths, division results
import numpy as np


def wrap():
    a = np.arange(120, 130, dtype=np.int8)
    print(a, a + 10, a * 2, a.astype(np.uint8), -a)
    u = np.arange(250, 256, dtype=np.uint8)
    print(u + 10, u - 251, u // 3, u % 7, u.sum(), u.dtype)
    s = np.arange(6, dtype=np.int16) * 1000
    print(s * 40, s / 7, s // 7, s.max())


wrap()
