# BUG (leak): a reduction along an axis that raises (max(axis=0) of a (0, 3) array: "ValueError: zero-size array to
# reduction operation maximum which has no identity") leaks one runtime allocation, presumably its result array:
# DifferentialTests' live-allocation check fails (expected N, actual N+1). The output and traceback match NumPy.
# The same for min(axis=1) of a (2, 0) array. (Copy into tests/arrays as error_*.py to see it in
# `dotnet test --filter ArrayProgramMatchesCPython`.)
import numpy as np


def column_max(m):
    return m.max(axis=0)


print(column_max(np.zeros((0, 3))))
