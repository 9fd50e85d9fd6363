# Covers: ValueError: attempt to get argmin of an empty sequence, for argmin along an axis of length 0
import numpy as np


def nearest(d):
    return d.argmin(axis=1)


print(nearest(np.arange(6.0).reshape(2, 3)))
print(nearest(np.zeros((2, 0))))
