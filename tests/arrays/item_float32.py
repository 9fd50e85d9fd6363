# BUG: .item() of a float32 (or complex64) array returns a float32 (complex64) scalar instead of a Python float
# (complex): prints 0.2 and (0.1+0j) where NumPy's item() gives 0.20000000298023224 and (0.10000000149011612+0j).
import numpy as np


def f(a, z):
    return a[1:2].item(), z[0:1].item()


print(f(np.array((0.1, 0.2), dtype=np.float32), np.array((0.1,), dtype=np.complex64)))
