# Covers: np.median along each axis of 3-d arrays (float64 with a NaN, int32 giving float64), negative axis, AxisError
import numpy as np


def medians(b):
    print(np.median(b, axis=0), np.median(b, axis=1), np.median(b, axis=2), np.median(b, axis=-1).dtype)
    try:
        print(np.median(b, axis=3))
    except ValueError as e:
        print("ValueError:", e)


b = np.array([[[3.0, 1.0, 2.0, 9.0], [4.0, 8.0, 6.0, 5.0], [0.5, 7.0, 2.5, 1.5]],
              [[9.0, 3.0, 1.0, 2.0], [np.nan, 1.0, 2.0, 3.0], [6.0, 6.0, 1.0, 0.0]]])
medians(b)
medians(np.arange(24).reshape(2, 3, 4).astype(np.int32))
