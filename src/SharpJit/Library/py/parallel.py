# What a parallel loop's chunk starts an array reduction variable from (Library/Parallel.cs: _sj_prange_identity).
import numpy as np


def array_identity(a, op):
    if op == "*":
        return np.ones_like(a)
    if op == "&":
        return np.full_like(a, -1)
    return np.zeros_like(a)
