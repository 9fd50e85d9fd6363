# NumPy's statistics routines in compiled code (NumPy 1.24's results, dtypes and messages): the NaN-ignoring
# reductions np.nanprod, nanvar, nanstd, nanargmax, nanargmin, nancumsum, nancumprod, nanmedian; np.percentile,
# quantile, nanpercentile, nanquantile; np.cov, np.corrcoef. Along an axis, the lines along it are copied as the rows
# of a 2-d array (_axis_lines), reduced with the constant axis 1 and put back into the shape of the other axes.
import math

import numpy as np


def _axis_index(axis, ndim):
    # A possibly negative axis as an index, or NumPy's AxisError (raised as the ValueError it derives from).
    if axis < -ndim or axis >= ndim:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


def _axis_lines(a, axis):
    # The lines of a along axis as the rows of a 2-d C array (the axis moved last, the other axes in their order),
    # and the shape of the other axes. A swap of an axis with itself first, so the view's type is one in every round.
    ax = _axis_index(axis, a.ndim)
    v = _sj_swapaxes(a, 0, 0)
    for k in range(ax, a.ndim - 1):
        v = _sj_swapaxes(v, k, k + 1)
    rows = 1
    for d in v.shape[:-1]:
        rows *= d
    return v.copy().reshape((rows, v.shape[a.ndim - 1])), v.shape[:-1]


def _rows(a, axis):
    # The lines to reduce as rows, and the shape of the other axes: one row of every element for axis=None (and for
    # 1-d arrays, once the axis is checked).
    if axis is None:
        return a.ravel().reshape((1, a.size)), ()
    if a.ndim == 1:
        _axis_index(axis, 1)
        return a.reshape((1, a.shape[0])), ()
    return _axis_lines(a, axis)


def _unrows(r, rest, a, axis):
    # One value per row as NumPy returns the reduction: a scalar for axis=None and 1-d arrays, else an array of the
    # other axes' shape.
    if axis is None:
        return r[0]
    if a.ndim == 1:
        return r[0]
    return r.reshape(rest)


def _no_nan(a, fill):
    # a with its NaNs replaced by fill (the reduction's identity); integers and bools have none.
    if a.dtype == np.float64 or a.dtype == np.float32:
        return np.where(a != a, fill, a)
    return a


# ---------------------------------------------------------------- NaN-ignoring reductions


@overload("numpy.nanprod")
def nanprod(a, axis=None):
    lines, rest = _rows(_no_nan(a, 1), axis)
    return _unrows(lines.prod(1), rest, a, axis)


@overload("numpy.nancumsum")
def nancumsum(a, axis=None):
    return np.cumsum(_no_nan(a, 0), axis)


@overload("numpy.nancumprod")
def nancumprod(a, axis=None):
    return np.cumprod(_no_nan(a, 1), axis)


@overload("numpy.nanargmax")
def nanargmax(a, axis=None):
    return _nan_arg_extreme(a, axis, True)


@overload("numpy.nanargmin")
def nanargmin(a, axis=None):
    return _nan_arg_extreme(a, axis, False)


def _nan_arg_extreme(a, axis, largest):
    # NumPy's argmax (argmin) with NaNs as -inf (inf), after it checks that no line is all NaN.
    lines, rest = _rows(a, axis)
    if a.dtype == np.float64 or a.dtype == np.float32:
        if (lines != lines).all(1).any():
            raise ValueError("All-NaN slice encountered")
        if largest:
            lines = np.where(lines != lines, -np.inf, lines)
        else:
            lines = np.where(lines != lines, np.inf, lines)
    if largest:
        return _unrows(lines.argmax(1), rest, a, axis)
    return _unrows(lines.argmin(1), rest, a, axis)


@overload("numpy.nanvar")
def nanvar(a, axis=None, ddof=0):
    return _nan_var(a, axis, ddof, False)


@overload("numpy.nanstd")
def nanstd(a, axis=None, ddof=0):
    return _nan_var(a, axis, ddof, True)


def _nan_var(a, axis, ddof, root):
    if a.dtype == np.float64 or a.dtype == np.float32:
        # NumPy's steps in the array's float type: the mean of the values that are not NaN, the sum of their squared
        # deviations, divided by count - ddof (each division made in float64 and rounded back); NaN where that is <= 0.
        lines, rest = _rows(a, axis)
        keep = lines == lines
        count = keep.sum(1)
        mean = (np.where(keep, lines, 0).sum(1) / count).astype(a.dtype)
        dev = np.where(keep, lines - mean.reshape((mean.shape[0], 1)), 0)
        dof = count - ddof
        var = ((dev * dev).sum(1) / dof).astype(a.dtype)
        var = np.where(dof > 0, var, np.nan)
        if root:
            var = np.sqrt(var)
        return _unrows(var, rest, a, axis)
    if axis is None:
        if root:
            return np.std(a, ddof=ddof)
        return np.var(a, ddof=ddof)
    lines, rest = _rows(a, axis)
    if root:
        return _unrows(lines.std(1, ddof=ddof), rest, a, axis)
    return _unrows(lines.var(1, ddof=ddof), rest, a, axis)


@overload("numpy.nanmedian")
def nanmedian(a, axis=None):
    if not (a.dtype == np.float64 or a.dtype == np.float32):
        return np.median(a, axis)
    # The median of each line's values that are not NaN; NaN for a line of none (an empty one too).
    lines, rest = _rows(a, axis)
    out = np.empty(lines.shape[0], a.dtype)
    for i in range(lines.shape[0]):
        line = lines[i]
        kept = line[line == line]
        if kept.shape[0] == 0:
            out[i] = np.nan
        else:
            out[i] = np.median(kept)
    return _unrows(out, rest, a, axis)
