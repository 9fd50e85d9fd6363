# Covers: out= on ufuncs: results written into a given array (returned), broadcasting into it, same_kind casts
import numpy as np


def into(a, b, out):
    np.add(a, b, out=out)
    np.multiply(out, 2.0, out=out)
    r = np.sqrt(out, out=out)
    return round(float(r.sum()), 10)


x = np.arange(6.0).reshape(2, 3)
o = np.empty((2, 3))
print(into(x, np.arange(3.0), o), o)
f = np.zeros(3, dtype=np.float32)
np.subtract(np.arange(3.0), 0.5, out=f)
print(f, f.dtype)
i = np.zeros(4, dtype=np.int64)
np.maximum(np.arange(4), 2, out=i)
print(i)
