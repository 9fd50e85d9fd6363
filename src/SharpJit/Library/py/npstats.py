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
    # a with its NaNs replaced by fill (the reduction's identity; a complex number with a NaN part counts as NaN);
    # integers and bools have none.
    if a.dtype == np.float64 or a.dtype == np.float32 or a.dtype == np.complex128 or a.dtype == np.complex64:
        return np.where(a != a, fill, a)
    return a


# ---------------------------------------------------------------- NaN-ignoring reductions


@overload("numpy.nansum")
def nansum(a, axis=None):
    a = np.asarray(a)
    if axis is None:
        flat = a.ravel()
        return np.where(flat != flat, 0, flat).sum()
    lines, rest = _rows(_no_nan(a, 0), axis)
    return _unrows(lines.sum(1), rest, a, axis)


@overload("numpy.nanmean")
def nanmean(a, axis=None):
    a = np.asarray(a)
    if axis is None:
        flat = a.ravel()
        keep = flat == flat
        mean = np.true_divide(np.where(keep, flat, 0).sum(), keep.sum())
        # NumPy divides the sum by the count and keeps the array's inexact dtype (float32 stays float32)
        if a.dtype == np.float32:
            return np.float32(mean)
        if a.dtype == np.complex64:
            return np.complex64(mean)
        return mean
    lines, rest = _rows(a, axis)
    if a.dtype == np.float64 or a.dtype == np.float32 or a.dtype == np.complex128 or a.dtype == np.complex64:
        keep = lines == lines
        return _unrows((np.where(keep, lines, 0).sum(1) / keep.sum(1)).astype(a.dtype), rest, a, axis)
    return _unrows(lines.mean(1), rest, a, axis)


@overload("numpy.nanmax")
def nanmax(a, axis=None):
    a = np.asarray(a)
    return _nan_extreme(a, axis, True, "fmax")


@overload("numpy.nanmin")
def nanmin(a, axis=None):
    a = np.asarray(a)
    return _nan_extreme(a, axis, False, "fmin")


def _nan_extreme(a, axis, largest, name):
    # The largest (smallest) element that is not NaN; NaN when all are (NumPy also warns).
    if axis is None:
        flat = a.ravel()
        if flat.shape[0] == 0:
            raise ValueError("zero-size array to reduction operation " + name + " which has no identity")
        # np.fmax.reduce / np.fmin.reduce: one vectorised pass that skips NaN (NaN when every element is one)
        if largest:
            return np.fmax.reduce(flat)
        return np.fmin.reduce(flat)
    lines, rest = _rows(a, axis)
    if lines.shape[1] == 0:
        raise ValueError("zero-size array to reduction operation " + name + " which has no identity")
    if a.dtype == np.float64 or a.dtype == np.float32:
        missing = lines != lines
        if largest:
            r = np.where(missing, -np.inf, lines).max(1)
        else:
            r = np.where(missing, np.inf, lines).min(1)
        return _unrows(np.where(missing.all(1), np.nan, r), rest, a, axis)
    if largest:
        return _unrows(lines.max(1), rest, a, axis)
    return _unrows(lines.min(1), rest, a, axis)


@overload("numpy.nanprod")
def nanprod(a, axis=None):
    a = np.asarray(a)
    lines, rest = _rows(_no_nan(a, 1), axis)
    return _unrows(lines.prod(1), rest, a, axis)


@overload("numpy.nancumsum")
def nancumsum(a, axis=None):
    a = np.asarray(a)
    return np.cumsum(_no_nan(a, 0), axis)


@overload("numpy.nancumprod")
def nancumprod(a, axis=None):
    a = np.asarray(a)
    return np.cumprod(_no_nan(a, 1), axis)


@overload("numpy.nanargmax")
def nanargmax(a, axis=None):
    a = np.asarray(a)
    return _nan_arg_extreme(a, axis, True)


@overload("numpy.nanargmin")
def nanargmin(a, axis=None):
    a = np.asarray(a)
    return _nan_arg_extreme(a, axis, False)


def _nan_arg_extreme(a, axis, largest):
    # NumPy's argmax (argmin) with NaNs as -inf (inf), after it checks that no line is all NaN.
    lines, rest = _rows(a, axis)
    if a.dtype == np.float64 or a.dtype == np.float32 or a.dtype == np.complex128 or a.dtype == np.complex64:
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
    a = np.asarray(a)
    return _nan_var(a, axis, ddof, False)


@overload("numpy.nanstd")
def nanstd(a, axis=None, ddof=0):
    a = np.asarray(a)
    return _nan_var(a, axis, ddof, True)


def _nan_var(a, axis, ddof, root):
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        _sj_reject("np.nanvar() and np.nanstd() of complex arrays are not supported in compiled code")
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
    a = np.asarray(a)
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


# ---------------------------------------------------------------- ranges, weighted averages


@overload("numpy.ptp")
def ptp(a, axis=None):
    a = np.asarray(a)
    if axis is None:
        return (a.max(keepdims=True) - a.min(keepdims=True)).ravel()[0]
    # A reduction takes a constant axis: one branch per axis up to 3 dimensions, the lines along it beyond.
    ax = _axis_index(axis, a.ndim)
    if ax == 0 or a.ndim == 1:
        return a.max(0) - a.min(0)
    if ax == 1 or a.ndim == 2:
        return a.max(1) - a.min(1)
    if a.ndim == 3:
        return a.max(2) - a.min(2)
    lines, rest = _axis_lines(a, ax)
    return (lines.max(1) - lines.min(1)).reshape(rest)


@overload("numpy.average")
def average(a, axis=None, weights=None, returned=None):
    a = np.asarray(a)
    if returned is None:
        return _average(a, axis, weights, False)
    return _average(a, axis, weights, returned)


def _average(a, axis, weights, returned):
    # NumPy 1.24's np.average: the mean, or sum(a * w) / sum(w) in NumPy's result dtype (float64 for integers and
    # bools); returned=True adds the sum of the weights (the count without them), in the average's shape.
    lines, rest = _rows(a, axis)
    if weights is None:
        avg = lines.mean(1)
        scale = np.full(avg.shape[0], lines.shape[1], avg.dtype)
    else:
        dt = np.result_type(a.ravel()[0:0].mean(keepdims=True), weights)
        if weights.ndim == a.ndim and _same_shape(a, weights):
            w, ignored = _rows(weights, axis)
        else:
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            if weights.ndim != 1:
                raise TypeError("1D weights expected when shapes of a and weights differ.")
            if weights.shape[0] != lines.shape[1]:
                raise ValueError("Length of weights not compatible with specified axis.")
            # the weights of every line along the axis
            w = np.empty(lines.shape, weights.dtype)
            w[:, :] = weights
        # weights already in the result's dtype are read as they are (a copy cost a third of the time)
        if w.dtype == dt:
            avg, scale = _weighted_sums(a, lines, w, dt)
        else:
            avg, scale = _weighted_sums(a, lines, w.astype(dt), dt)
    if returned:
        return _unrows(avg, rest, a, axis), _unrows(scale, rest, a, axis)
    return _unrows(avg, rest, a, axis)


def _weighted_sums(a, lines, wd, dt):
    # sum(lines * wd) / sum(wd) along each line and sum(wd) (wd: the weights in dtype dt).
    scale = wd.sum(1)
    if (scale == 0).any():
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    if a.dtype == dt:
        return (lines * wd).sum(1) / scale, scale
    return (lines.astype(dt) * wd).sum(1) / scale, scale


def _same_shape(a, b):
    for d in range(a.ndim):
        if a.shape[d] != b.shape[d]:
            return False
    return True


# ---------------------------------------------------------------- quantiles


@overload("numpy.percentile")
def percentile(a, q, axis=None, method=None):
    a = np.asarray(a)
    if method is None:
        return _quantile(a, q, axis, "linear", True, False)
    return _quantile(a, q, axis, method, True, False)


@overload("numpy.quantile")
def quantile(a, q, axis=None, method=None):
    a = np.asarray(a)
    if method is None:
        return _quantile(a, q, axis, "linear", False, False)
    return _quantile(a, q, axis, method, False, False)


@overload("numpy.nanpercentile")
def nanpercentile(a, q, axis=None, method=None):
    a = np.asarray(a)
    if method is None:
        return _quantile(a, q, axis, "linear", True, True)
    return _quantile(a, q, axis, method, True, True)


@overload("numpy.nanquantile")
def nanquantile(a, q, axis=None, method=None):
    a = np.asarray(a)
    if method is None:
        return _quantile(a, q, axis, "linear", False, True)
    return _quantile(a, q, axis, method, False, True)


def _quantile(a, q, axis, method, percent, skip_nan):
    # NumPy 1.24's _quantile, one sorted line at a time: q's values (divided by 100 for percentiles) each give a
    # virtual index into the line, (n - 1) * q, taken as it is (the discrete methods, and integer quantiles: the
    # result keeps a's dtype) or interpolated between its neighbours (linear, midpoint: float64).
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        _sj_reject("np.percentile() and np.quantile() of complex arrays are not supported in compiled code")
    qs = _quantile_values(q, percent)
    if method == "linear":
        if qs.dtype == np.int64:
            return _quantile_lines(a, q, qs, axis, skip_nan, True, True, False, False)
        return _quantile_lines(a, q, qs, axis, skip_nan, False, False, False, False)
    if method == "lower":
        return _quantile_lines(a, q, qs, axis, skip_nan, True, True, False, False)
    if method == "higher":
        return _quantile_lines(a, q, qs, axis, skip_nan, True, False, True, False)
    if method == "nearest":
        return _quantile_lines(a, q, qs, axis, skip_nan, True, False, False, False)
    if method == "midpoint":
        return _quantile_lines(a, q, qs, axis, skip_nan, False, False, False, True)
    if method == "inverted_cdf" or method == "averaged_inverted_cdf" or method == "closest_observation" or method == "interpolated_inverted_cdf" or method == "hazen" or method == "weibull" or method == "median_unbiased" or method == "normal_unbiased":
        _sj_reject("np.percentile() and np.quantile() take method= as a constant string, one of 'linear', 'lower', 'higher', 'nearest' and 'midpoint', in compiled code")
    raise ValueError(f"'{method}' is not a valid method. Use one of: dict_keys(['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'])")


def _quantile_lines(a, q, qs, axis, skip_nan, exact, lower, higher, midpoint):
    # Each line sorted (NaN last); a line holding a NaN gives NaN, unless skip_nan drops its NaNs first (a line left
    # empty gives NaN).
    lines, rest = _rows(a, axis)
    if not skip_nan:
        if lines.shape[1] == 0:
            raise IndexError("cannot do a non-empty take from an empty axes.")
    if exact:
        out = np.empty((qs.shape[0], lines.shape[0]), a.dtype)
    else:
        out = np.empty((qs.shape[0], lines.shape[0]), np.float64)
    if skip_nan or a.dtype == np.complex128 or a.dtype == np.complex64:
        s = np.sort(lines)
    else:
        # Only the values the methods read need their sorted places: each q's floor((n - 1) * q) and the next, and
        # the last (NaN if there is one). A partition puts them there in linear time, as NumPy's does.
        n = lines.shape[1]
        ks = np.empty(2 * qs.shape[0] + 1, np.int64)
        for k in range(qs.shape[0]):
            f = int(math.floor((n - 1) * float(qs[k])))
            ks[2 * k] = min(f, n - 1)
            ks[2 * k + 1] = min(f + 1, n - 1)
        ks[2 * qs.shape[0]] = n - 1
        s = np.partition(lines, ks)
    for i in range(lines.shape[0]):
        line = s[i]
        if skip_nan:
            line = line[line == line]
        n = line.shape[0]
        for k in range(qs.shape[0]):
            if n == 0:
                out[k, i] = np.nan
            elif exact:
                out[k, i] = _exact_value(line, n, qs[k], lower, higher)
            else:
                out[k, i] = _interpolate(line, n, float(qs[k]), midpoint)
    return _quantile_result(out, q, rest, a, axis)


def _quantile_values(q, percent):
    # q as a flat array (its values divided by 100 for percentiles), checked against NumPy's range.
    if isinstance(q, (int, float)):
        qa = np.full(1, q)
    else:
        qa = np.asarray(q).ravel()
    if percent:
        qa = qa / 100
    for k in range(qa.shape[0]):
        if not (0.0 <= qa[k] <= 1.0):
            if percent:
                raise ValueError("Percentiles must be in the range [0, 100]")
            raise ValueError("Quantiles must be in the range [0, 1]")
    return qa


def _quantile_result(out, q, rest, a, axis):
    # out[k, i], the k-th quantile of line i, in NumPy's shape: q's shape, then the other axes'.
    if isinstance(q, (int, float)):
        return _unrows(out[0], rest, a, axis)
    qa = np.asarray(q)
    if axis is None:
        return out.reshape(qa.shape)
    if a.ndim == 1:
        return out.reshape(qa.shape)
    return out.reshape(qa.shape + rest)


def _exact_value(s, n, q, lower, higher):
    # The value at the discrete methods' index, floor, ceil or NumPy's around (half to even) of (n - 1) * q; a line
    # holding a NaN (sorted last) gives NaN.
    last = s[n - 1]
    if last != last:
        return last
    v = (n - 1) * q
    if lower:
        return s[int(math.floor(v))]
    if higher:
        return s[int(math.ceil(v))]
    k = math.floor(v)
    if v - k > 0.5 or (v - k == 0.5 and k % 2 == 1):
        k += 1
    return s[int(k)]


def _interpolate(s, n, q, midpoint):
    # NumPy's _lerp between the neighbours of the virtual index, with its bounds (the last value for an index at or
    # past it) and its two formulas; a line holding a NaN (sorted last) gives NaN.
    v = (n - 1) * q
    if midpoint:
        v = 0.5 * (math.floor(v) + math.ceil(v))
    below = math.floor(v)
    above = below + 1
    if v >= n - 1:
        below = -1
        above = -1
    gamma = v - below
    if midpoint:
        gamma = 0.0 if v % 1 == 0 else 0.5
    if s.dtype == np.bool_:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
    lo = s[below]
    hi = s[above]
    # The difference in the line's dtype (float32 rounds, int64 wraps), the rest in float64.
    diff = float(hi - lo)
    if gamma >= 0.5:
        r = float(hi) - diff * (1 - gamma)
    else:
        r = float(lo) + diff * gamma
    last = s[n - 1]
    if last != last:
        return float(last)
    return r


# ---------------------------------------------------------------- covariance and correlation


@overload("numpy.cov")
def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None):
    if not (fweights is None and aweights is None):
        _sj_reject("np.cov(fweights=, aweights=) is not supported in compiled code")
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is None:
        x = _cov_variables(m, rowvar, np.result_type(m, np.float64))
    else:
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
        dt = np.result_type(m, y, np.float64)
        x = _cov_variables(m, rowvar, dt)
        if x.shape[0] > 0:
            x = np.concatenate((x, _cov_variables(y, rowvar, dt)), axis=0)
    if ddof is None:
        if bias:
            c = _cov_of(x, 0)
        else:
            c = _cov_of(x, 1)
    else:
        c = _cov_of(x, ddof)
    # NumPy squeezes the (k, k) result: a 0-d array for one variable.
    if m.ndim == 1:
        if y is None:
            return c.reshape(())
    if c.shape[0] == 1:
        _unsupported("np.cov() of one variable given as a 2-d array (NumPy's result is 0-d) is not supported in compiled code")
    return c


def _cov_variables(m, rowvar, dt):
    # The variables as the rows of a 2-d array of the result's dtype (NumPy's array(m, ndmin=2), transposed for
    # rowvar=False unless it has one row).
    if m.ndim == 1:
        return m.astype(dt).reshape((1, m.shape[0]))
    if not rowvar:
        if m.shape[0] != 1:
            return m.T.copy().astype(dt)
    return m.copy().astype(dt)


def _cov_of(x, ddof):
    # NumPy's steps: deviations from each variable's mean, their products (x @ x^H), times 1 / (n - ddof) (0 when
    # that is not positive, which NumPy warns about).
    if x.shape[0] == 0:
        return np.empty((0, 0), x.dtype)
    fact = x.shape[1] - ddof
    if fact <= 0:
        fact = 0
    d = x - x.mean(1).reshape((x.shape[0], 1))
    return np.dot(d, d.T.conj()) * np.true_divide(1, fact)


def _unsupported(message):
    # Raises TypeError for a case compiled code does not support; a call rather than a raise statement, so that the
    # caller keeps the type it returns elsewhere.
    raise TypeError(message)


@overload("numpy.corrcoef")
def corrcoef(x, y=None, rowvar=True):
    c = cov(x, y, rowvar)
    if c.ndim == 0:
        # one variable: NaN where its variance is NaN, inf or 0, else 1
        return c / c                        # 0-d operands: a number, as in NumPy
    d = np.sqrt(np.diagonal(c).real)
    c = c / d.reshape((d.shape[0], 1))
    c = c / d.reshape((1, d.shape[0]))
    return np.minimum(np.maximum(c, -1.0), 1.0)
