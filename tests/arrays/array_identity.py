# Covers: `is` / `is not` between arrays: the same array (an argument twice, the out= array a ufunc returns,
# np.asarray of an array) is the same object; copies, other views and arrays of another dtype are not.
import numpy as np


def f(a, b, c):
    r = np.add(a, 1, out=b)
    print(r is b, b is b, a is b, a is not b, r is not b)
    print(np.asarray(a) is a, a.copy() is a, a[1:] is a, a.astype(np.float32) is a, a is c)
    m = np.multiply(a, a, out=a)
    print(m is a, m is b, np.sqrt(c, out=c) is c)


def g(x, y):
    return x is y


x = np.ones(3)
f(x, np.ones(3), np.arange(4.0).reshape(2, 2))
print(g(x, x), g(x, x.copy()), g(x, np.ones(3, np.float32)))
