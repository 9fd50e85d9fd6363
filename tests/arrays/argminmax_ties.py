# Covers: argmin/argmax ties (first wins), nan first-occurrence rule, bool arrays, axis forms, on views with negative strides
import numpy as np


def args(a):
    print(a.argmin(), a.argmax(), np.argmin(a), np.argmax(a))


args(np.array((3, 1, 1, 3, 0, 0)))
args(np.array((2.0, np.nan, 5.0, np.nan)))
args(np.array((np.nan, 1.0)))
args(np.array((False, True, True)))
args(np.array((True, True)))
args(np.arange(10)[::-1])
args(np.arange(10)[::-3])
args(np.array((-0.0, 0.0, -0.0)))
args(np.array((1, 5, 5, 1), dtype=np.uint8))
m = np.array(((1, 9, 9), (9, 1, 1), (5, 5, 5)))
print(m.argmax(axis=0), m.argmax(axis=1), m.argmin(axis=0), m.argmin(axis=1), m.argmax(), m.T.argmax(), m[::-1].argmin())
