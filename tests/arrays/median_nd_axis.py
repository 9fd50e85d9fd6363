# Covers: np.median along any axis (negative too) of 4-d and 5-d arrays: the other axes in their order, even and odd lengths, NaN in a line, float32 and int inputs, NumPy's AxisError message
import numpy as np


def medians(a):
    for ax in range(-a.ndim, a.ndim):
        m = np.median(a, axis=ax)
        print(ax, m.shape, m.dtype, m.ravel()[:6])


def attempt(a, ax):
    try:
        print(np.median(a, axis=ax).shape)
    except ValueError as e:
        print("ValueError:", e)


medians((np.arange(120) * 37 % 101).reshape(2, 3, 4, 5))
medians(np.sin(np.arange(72.0)).astype(np.float32).reshape(3, 2, 2, 3, 2))
b = np.cos(np.arange(48.0) * 1.7).reshape(2, 3, 2, 4)
b[1, 2, 0, 3] = np.nan
print(np.median(b, axis=3), np.median(b, axis=1)[1])
attempt(b, 4)
attempt(b, -5)
