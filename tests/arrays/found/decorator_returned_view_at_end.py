# BUG (through @sharpjit.jit only): returning an empty view that starts at the end of its argument's buffer
# (a[len(a):], a[100:]) fails with "RuntimeError: internal: a returned array belongs to no argument";
# NumPy returns an empty array. `./sharpjit run` is right. Found with tests/arrays/error_slice_bounds_runtime.py.
import numpy as np
import sharpjit


@sharpjit.jit
def tail(a, i):
    return a[i:]


x = np.arange(10)
print(tail(x, 3), tail(x, 10))
