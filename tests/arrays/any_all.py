# Covers: any/all over every dtype (nonzero truth, nan is true, -0.0 false, complex), empty arrays, axis= and keepdims
import numpy as np


def truth(a):
    print(a.any(), a.all(), np.any(a), np.all(a))


truth(np.zeros(3))
truth(np.array((0.0, -0.0)))
truth(np.array((np.nan, 1.0)))
truth(np.arange(3, dtype=np.int8))
truth(np.arange(1, 4, dtype=np.uint64))
truth(np.array((0j, 1j)))
truth(np.array((True, True)))
truth(np.zeros(0))
truth(np.zeros((0, 3), dtype=np.int32))
m = np.array(((0, 1, 0), (0, 2, 3)))
print(m.any(axis=0), m.all(axis=0), m.any(axis=1), m.all(axis=1), m.any(axis=0, keepdims=True), np.all(m > -1, axis=1))
print((m > 0).any(), (m > 5).any(), (m >= 0).all(), np.zeros((2, 0)).all(axis=1), np.zeros((2, 0)).any(axis=1))
