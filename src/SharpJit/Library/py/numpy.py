# Scalar kernels of NumPy's ufuncs, written in Python. The ufunc's typing stays in C# (NumPy's loop resolution,
# Library/Builtins.NumPy.cs); the kernel receives the arguments converted to the loop's type (int64, float64 or
# complex128) and computes one element, so array loops reuse it unchanged.
import math

import numpy as np

LN2 = 0.6931471805599453
LOG2E = 1.4426950408889634


def sign(x):
    if isinstance(x, int):
        return (x > 0) - (x < 0)
    if isinstance(x, float):
        # NaN stays NaN and -0.0 gives 0.0.
        if x > 0.0:
            return 1.0
        if x < 0.0:
            return -1.0
        if x == 0.0:
            return 0.0
        return x
    # NumPy 1.24: the sign of the first nonzero part in NumPy's complex order, as a complex.
    re = x.real
    im = x.imag
    if re > 0.0 and im == im or re == 0.0 and im > 0.0:
        s = 1.0
    elif re < 0.0 and im == im or re == 0.0 and im < 0.0:
        s = -1.0
    elif re == 0.0 and im == 0.0:
        s = 0.0
    else:
        s = math.nan
    return complex(s, 0.0)


def logaddexp(x, y):
    # max + log1p(exp(-|x - y|)); equal arguments (infinities included) give x + log(2).
    if x == y:
        return x + LN2
    d = x - y
    larger = x if d > 0.0 else y
    return larger + np.log1p(np.exp(-abs(d)))


def logaddexp2(x, y):
    if x == y:
        return x + 1.0
    d = x - y
    larger = x if d > 0.0 else y
    return larger + np.log1p(np.exp2(-abs(d))) * LOG2E
