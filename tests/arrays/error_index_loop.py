# Covers: an off-by-one loop reading a[i + 1] runs into IndexError on its last iteration; partial output is printed first
import numpy as np


def forward_diff(a):
    n = a.shape[0]
    out = np.zeros(n)
    for i in range(n):
        out[i] = a[i + 1] - a[i]
        print(i, out[i])
    return out


print(forward_diff(np.array((1.0, 4.0, 9.0))))
