# BUG: np.histogram without range= does not check that the data's range is finite:
#   data with inf: sharpjit raises "ValueError: cannot convert float NaN to integer" (from int((x - lo) * norm));
#                  NumPy: "ValueError: autodetected range of [1.0, inf] is not finite"
#   data with nan: sharpjit returns (array([0, 0]), array([nan, nan, nan])) without an error;
#                  NumPy: "ValueError: autodetected range of [nan, nan] is not finite"
import numpy as np


def counts(a):
    h, e = np.histogram(a, bins=2)
    return h, e


print(counts(np.array((1.0, np.nan, 2.0))))
print(counts(np.array((1.0, np.inf, 2.0))))
