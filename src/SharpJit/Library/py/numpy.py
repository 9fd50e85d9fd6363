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


# ---------------------------------------------------------------- array routines written in Python


@overload("numpy.convolve")
def convolve(a, v, mode="full"):
    # The discrete linear convolution of two 1-d arrays; mode picks the full, same-length or fully-overlapping part.
    n = a.shape[0]
    m = v.shape[0]
    if n == 0:
        raise ValueError("a cannot be empty")
    if m == 0:
        raise ValueError("v cannot be empty")
    full = n + m - 1
    if mode == "full":
        start = 0
        length = full
    elif mode == "same":
        length = max(n, m)
        start = (full - length) // 2
    elif mode == "valid":
        length = max(n, m) - min(n, m) + 1
        start = min(n, m) - 1
    else:
        raise ValueError("mode must be one of 'valid', 'same', or 'full'")
    out = np.zeros(length, np.result_type(a, v))
    for k in range(length):
        t = start + k
        lo = max(0, t - n + 1)
        hi = min(m - 1, t)
        s = out[k]
        for j in range(lo, hi + 1):
            s += a[t - j] * v[j]
        out[k] = s
    return out


@overload("numpy.histogram")
def histogram(a, bins=10, range=None):
    # Equal-width bins over range (default: the data's min and max), counted as NumPy does: the last bin is closed,
    # values outside the range are left out, and a value on an edge goes to the bin the edges array says.
    if not isinstance(bins, int):
        raise TypeError("histogram() takes an integer number of bins in compiled code")
    if bins < 1:
        raise ValueError("`bins` must be positive, when an integer")
    flat = a.ravel()
    if range is None:
        if flat.shape[0] == 0:
            lo = 0.0
            hi = 1.0
        else:
            lo = float(flat.min())
            hi = float(flat.max())
    else:
        lo = float(range[0])
        hi = float(range[1])
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
    if lo == hi:
        lo = lo - 0.5
        hi = hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)
    hist = np.zeros(bins, np.int64)
    norm = bins / (hi - lo)
    i = 0
    total = flat.shape[0]
    while i < total:
        x = flat[i]
        i += 1
        if x >= lo and x <= hi:
            k = int((x - lo) * norm)
            if k == bins:
                k -= 1
            if x < edges[k]:
                k -= 1
            elif x >= edges[k + 1] and k != bins - 1:
                k += 1
            hist[k] += 1
    return hist, edges


@overload("numpy.nansum")
def nansum(a):
    flat = a.ravel()
    return np.where(flat != flat, 0, flat).sum()


@overload("numpy.nanmean")
def nanmean(a):
    flat = a.ravel()
    keep = flat == flat
    return np.true_divide(np.where(keep, flat, 0).sum(), keep.sum())


@overload("numpy.nanmax")
def nanmax(a):
    return _nan_extreme(a, True, "fmax")


@overload("numpy.nanmin")
def nanmin(a):
    return _nan_extreme(a, False, "fmin")


def _nan_extreme(a, largest, name):
    # The largest (smallest) element that is not NaN; NaN when all are (NumPy also warns).
    flat = a.ravel()
    if flat.shape[0] == 0:
        raise ValueError("zero-size array to reduction operation " + name + " which has no identity")
    keep = flat == flat
    if not keep.any():
        return flat[0]
    if largest:
        return flat[keep].max()
    return flat[keep].min()


@overload("numpy.average")
def average(a, weights=None):
    if weights is None:
        return a.mean()
    total = weights.sum()
    if total == 0:
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    return np.true_divide((a * weights).sum(), total)


@overload("numpy.diff")
def diff(a):
    if a.ndim == 1:
        return a[1:] - a[:-1]
    return a[..., 1:] - a[..., :-1]


@overload("numpy.flip")
def flip(a):
    if a.ndim == 1:
        return a[::-1]
    if a.ndim == 2:
        return a[::-1, ::-1]
    return a[::-1, ::-1, ::-1]


@overload("numpy.roll")
def roll(a, shift):
    flat = a.ravel()
    n = flat.shape[0]
    out = np.empty_like(flat)
    if n > 0:
        s = shift % n
        out[s:] = flat[:n - s]
        out[:s] = flat[n - s:]
    return out.reshape(a.shape)


@overload("numpy.outer")
def outer(a, b):
    return a.ravel()[:, None] * b.ravel()[None, :]


@overload("numpy.trace")
def trace(a):
    n = min(a.shape[0], a.shape[1])
    total = a[0, 0] - a[0, 0]
    for i in range(n):
        total += a[i, i]
    return total


@overload("numpy.concatenate")
def concatenate(arrays):
    first = arrays[0]
    total = 0
    for x in arrays:
        total += x.shape[0]
    if first.ndim == 1:
        out = np.empty(total, first.dtype)
    else:
        out = np.empty((total, first.shape[1]), first.dtype)
    at = 0
    for x in arrays:
        out[at:at + x.shape[0]] = x
        at += x.shape[0]
    return out
