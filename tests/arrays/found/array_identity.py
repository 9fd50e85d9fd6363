# DIFFERENCE: 'is' between arrays is always False in compiled code (b is b, and the out= array a ufunc returns is
# not the array passed); NumPy: True for the same object.
import numpy as np
def f(a, b):
    r = np.add(a, 1, out=b)
    print(r is b, b is b, a is b)
f(np.ones(2), np.ones(2))
