# Covers: out= of np.clip and of the clip method (1-d, 2-d, int arrays, array bounds, in place into the operand); a float result into an int out array (NumPy 1.24 casts unsafely after a DeprecationWarning)
import numpy as np


def clips(a, b):
    r = np.clip(a, 0.2, 0.7, out=b)
    print(r, b)
    a.clip(-1.0, 0.5, out=a)
    print(a)
    m = np.zeros((2, 3))
    np.clip(np.arange(6).reshape(2, 3), 1, 4, out=m)
    print(m)
    c = np.zeros(3, np.int64)
    np.clip(np.array((5, -3, 2)), np.array((0, 0, 0)), 3, out=c)
    print(c, np.clip(a, 0.1, 0.2, out=np.empty((2, 4)))[1])
    d = np.zeros(4, np.int64)
    np.clip(b * 3.0, 0.5, 1.5, out=d)
    print(d)


clips(np.linspace(0.0, 1.0, 4), np.empty(4))
