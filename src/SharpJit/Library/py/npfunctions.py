# NumPy's window functions, special functions and numerical routines in compiled code (NumPy 1.24's results, dtypes
# and messages): np.bartlett, blackman, hamming, hanning, kaiser, i0, sinc; np.vander, trapz, ediff1d, geomspace,
# nan_to_num, asarray_chkfinite, isposinf, isneginf; np.convolve, correlate, polyval, polyfit, diff; np.trim_zeros,
# gradient, unwrap; np.fromiter. Each computes what NumPy's own Python (or C) computes, operation by operation, so values
# agree to the bit.
import math

import numpy as np

# Cephes' Chebyshev coefficients of exp(-x) I0(x), as numpy/lib/function_base.py has them: on [0, 8] (_I0A) and of
# exp(-x) sqrt(x) I0(x) on (8, inf) (_I0B).
_I0A = (
    -4.41534164647933937950E-18,
    3.33079451882223809783E-17,
    -2.43127984654795469359E-16,
    1.71539128555513303061E-15,
    -1.16853328779934516808E-14,
    7.67618549860493561688E-14,
    -4.85644678311192946090E-13,
    2.95505266312963983461E-12,
    -1.72682629144155570723E-11,
    9.67580903537323691224E-11,
    -5.18979560163526290666E-10,
    2.65982372468238665035E-9,
    -1.30002500998624804212E-8,
    6.04699502254191894932E-8,
    -2.67079385394061173391E-7,
    1.11738753912010371815E-6,
    -4.41673835845875056359E-6,
    1.64484480707288970893E-5,
    -5.75419501008210370398E-5,
    1.88502885095841655729E-4,
    -5.76375574538582365885E-4,
    1.63947561694133579842E-3,
    -4.32430999505057594430E-3,
    1.05464603945949983183E-2,
    -2.37374148058994688156E-2,
    4.93052842396707084878E-2,
    -9.49010970480476444210E-2,
    1.71620901522208775349E-1,
    -3.04682672343198398683E-1,
    6.76795274409476084995E-1,
)

_I0B = (
    -7.23318048787475395456E-18,
    -4.83050448594418207126E-18,
    4.46562142029675999901E-17,
    3.46122286769746109310E-17,
    -2.82762398051658348494E-16,
    -3.42548561967721913462E-16,
    1.77256013305652638360E-15,
    3.81168066935262242075E-15,
    -9.55484669882830764870E-15,
    -4.15056934728722208663E-14,
    1.54008621752140982691E-14,
    3.85277838274214270114E-13,
    7.18012445138366623367E-13,
    -1.79417853150680611778E-12,
    -1.32158118404477131188E-11,
    -3.14991652796324136454E-11,
    1.18891471078464383424E-11,
    4.94060238822496958910E-10,
    3.39623202570838634515E-9,
    2.26666899049817806459E-8,
    2.04891858946906374183E-7,
    2.89137052083475648297E-6,
    6.88975834691682398426E-5,
    3.36911647825569408990E-3,
    8.04490411014108831608E-1,
)


def _axis_index(axis, ndim):
    # A possibly negative axis as an index, or NumPy's AxisError.
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


# ---------------------------------------------------------------- window functions


def _sequence_as_array(x):
    # A list or tuple as NumPy's asarray makes it; arrays and numbers as they are.
    if isinstance(x, list) or isinstance(x, tuple):
        return np.asarray(x)
    return x


def _window_points(M):
    # NumPy's n = arange(1 - M, M, 2) of the symmetric windows (M >= 2).
    return np.arange(1 - M, M, 2)


@overload("numpy.bartlett")
def bartlett(M):
    if M < 1:
        return np.empty(0, np.float64)
    if M == 1:
        return np.ones(1, np.float64)
    n = _window_points(M)
    return np.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))


@overload("numpy.blackman")
def blackman(M):
    if M < 1:
        return np.empty(0, np.float64)
    if M == 1:
        return np.ones(1, np.float64)
    n = _window_points(M)
    return 0.42 + 0.5 * np.cos(math.pi * n / (M - 1)) + 0.08 * np.cos(2.0 * math.pi * n / (M - 1))


@overload("numpy.hamming")
def hamming(M):
    if M < 1:
        return np.empty(0, np.float64)
    if M == 1:
        return np.ones(1, np.float64)
    return 0.54 + 0.46 * np.cos(math.pi * _window_points(M) / (M - 1))


@overload("numpy.hanning")
def hanning(M):
    if M < 1:
        return np.empty(0, np.float64)
    if M == 1:
        return np.ones(1, np.float64)
    return 0.5 + 0.5 * np.cos(math.pi * _window_points(M) / (M - 1))


@overload("numpy.kaiser")
def kaiser(M, beta):
    if M == 1:
        return np.ones(1, np.float64)
    n = np.arange(0, M)
    alpha = (M - 1) / 2.0
    # (NumPy's ** 2.0 of a float array is np.square)
    r = (n - alpha) / alpha
    return _i0_of_float64(beta * np.sqrt(1 - r * r)) / _i0_number(float(beta))


# ---------------------------------------------------------------- np.i0 and np.sinc


def _chbevl(x, coeffs):
    # NumPy's _chbevl (Clenshaw's recurrence b0 = x*b1 - b2 + c), for a number or, operation by operation, an array.
    # Its first two rounds are written out: b1 and b2 start as numbers and become x's type there.
    b1 = coeffs[0]
    b0 = x * b1 - 0.0 + coeffs[1]
    b2 = b1
    b1 = b0
    b0 = x * b1 - b2 + coeffs[2]
    b2 = b1
    for i in range(3, len(coeffs)):
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + coeffs[i]
    return 0.5 * (b0 - b2)


def _i0_number(x):
    # NumPy's i0 of one float64 |x|: exp(x) * chbevl(x/2 - 2, A) up to 8, exp(x) * chbevl(32/x - 2, B) / sqrt(x) above
    # (NaN takes the second branch, as NumPy's piecewise does).
    x = abs(x)
    if x <= 8.0:
        return np.exp(x) * _chbevl(x / 2.0 - 2, _I0A)
    return np.exp(x) * _chbevl(32.0 / x - 2.0, _I0B) / np.sqrt(x)


def _i0_of_float64(x):
    out = np.empty(x.shape, np.float64)
    flat = x.ravel()
    res = out.ravel()
    for i in range(flat.shape[0]):
        res[i] = _i0_number(flat[i])
    return out


@overload("numpy.i0", narrow=True)
def i0(x):
    if _sj_is_array(x):
        return _i0_array(x)
    # NumPy's i0 of a number is a 0-d array (of float32 for a float32 number)
    return _i0_array(np.asarray(x))


def _i0_array(x):
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        raise TypeError("i0 not supported for complex values")
    if x.dtype == np.float32:
        # in single precision throughout, as NumPy's operations on float32 arrays compute it (on a 1-d array: on a
        # 0-d one they would give numbers, which compute in double)
        ax = np.abs(x.ravel())
        low = np.exp(ax) * _chbevl(ax / 2.0 - 2, _I0A)
        high = np.exp(ax) * _chbevl(32.0 / ax - 2.0, _I0B) / np.sqrt(ax)
        return np.where(ax <= 8.0, low, high).reshape(x.shape)
    if x.dtype == np.float64:
        return _i0_of_float64(x)
    return _i0_of_float64(x.astype(np.float64))


@overload("numpy.sinc")
def sinc(x):
    x = _sequence_as_array(x)
    y = math.pi * np.where(x == 0, 1.0e-20, x)
    # (np.true_divide: NumPy's complex division, also for numbers, where Python's rounds differently)
    return np.true_divide(np.sin(y), y)


# ---------------------------------------------------------------- along an axis


def _slice_along(a, ax, start, stop):
    # a's items start:stop along axis ax, as a view in a's own axis order.
    last = a.ndim - 1
    return _sj_swapaxes(_sj_swapaxes(a, ax, last)[..., start:stop], ax, last)


def _sum_along(a, ax):
    # a.sum(axis=ax) for a run-time axis: NumPy's order of additions needs the reduction's constant axis.
    if a.ndim == 1:
        return a.sum()
    if a.ndim > 4:
        _sj_reject("this routine takes arrays of up to four dimensions in compiled code", a)
    if ax == 0:
        return a.sum(axis=0)
    if ax == 1 or a.ndim == 2:
        return a.sum(axis=1)
    if ax == 2 or a.ndim == 3:
        return a.sum(axis=2)
    return a.sum(axis=3)


# ---------------------------------------------------------------- vander, trapz, ediff1d, geomspace


@overload("numpy.vander")
def vander(x, N=None, increasing=False):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    n = x.shape[0]
    cols = n if N is None else N
    dt = np.result_type(x.dtype, np.int64)
    v = np.empty((n, cols), dt)
    xs = x.astype(dt)
    # NumPy's multiply.accumulate along a row: each power is the previous one times x
    for i in range(n):
        p = xs[i]
        for j in range(cols):
            col = j if increasing else cols - 1 - j
            if j == 0:
                v[i, col] = 1
            else:
                if j > 1:
                    p = p * xs[i]
                v[i, col] = p
    return v


@overload("numpy.trapz")
def trapz(y, x=None, dx=1.0, axis=-1):
    y = np.asarray(y)
    if _sj_is_array(dx):
        _sj_reject("np.trapz() takes a number for dx in compiled code", dx)
    nd = y.ndim
    if x is None or np.asarray(x).ndim == 1:
        # (NumPy indexes a list of nd slices with the axis)
        if axis < -nd or axis >= nd:
            raise IndexError("list assignment index out of range")
    ax = _axis_index(axis, nd)
    last = nd - 1
    # the trapezoids computed with the axis last (where a 1-d x's differences broadcast), put back in y's order
    v = _sj_swapaxes(y, ax, last)
    n = v.shape[last]
    pairs = v[..., 1:n] + v[..., 0:n - 1]
    if x is None:
        areas = dx * pairs / 2.0
    else:
        xs = np.asarray(x)
        if xs.ndim == 1:
            areas = np.diff(xs) * pairs / 2.0
        else:
            areas = _sj_swapaxes(np.diff(xs, axis=ax), ax, last) * pairs / 2.0
    return _sum_along(_sj_swapaxes(areas, ax, last).copy(), ax)


def _cast_kind(a):
    # The order of NumPy's same_kind casting: bool, unsigned, signed, float, complex.
    if a.dtype == np.bool_:
        return 0
    if a.dtype == np.uint8 or a.dtype == np.uint16 or a.dtype == np.uint32 or a.dtype == np.uint64:
        return 1
    if a.dtype == np.float64 or a.dtype == np.float32:
        return 3
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return 4
    return 2


def _ediff1d_part(part, ary, name):
    # to_begin or to_end as a flat array, after NumPy's same_kind check against ary's dtype (a number checked by
    # its value's smallest type, as NumPy's can_cast does: a non-negative int is unsigned).
    p = np.asarray(part).ravel()
    kind = _cast_kind(p)
    if not _sj_is_array(part) and isinstance(part, int) and not isinstance(part, bool) and part >= 0:
        kind = 1
    if kind > _cast_kind(ary):
        raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under the `same_kind` rule.")
    return p


@overload("numpy.ediff1d")
def ediff1d(ary, to_end=None, to_begin=None):
    flat = np.asarray(ary).ravel()
    if to_begin is None and to_end is None:
        return flat[1:] - flat[:-1]
    n = flat.shape[0]
    diffs = max(n - 1, 0)
    before = 0
    after = 0
    if not (to_begin is None):
        begin = _ediff1d_part(to_begin, flat, "to_begin")
        before = begin.shape[0]
    if not (to_end is None):
        end = _ediff1d_part(to_end, flat, "to_end")
        after = end.shape[0]
    out = np.empty(before + diffs + after, flat.dtype)
    if not (to_begin is None):
        out[:before] = begin
    if not (to_end is None):
        out[before + diffs:] = end
    out[before:before + diffs] = flat[1:] - flat[:-1]
    return out


@overload("numpy.geomspace")
def geomspace(start, stop, num=50, endpoint=True):
    if _sj_is_array(start) or _sj_is_array(stop):
        _sj_reject("np.geomspace() takes numbers for start and stop in compiled code", start, stop)
    if isinstance(start, complex) or isinstance(stop, complex):
        _sj_reject("np.geomspace() of complex numbers is not supported in compiled code", start, stop)
    if start == 0 or stop == 0:
        raise ValueError("Geometric sequence cannot include zero")
    first = float(start)
    last = float(stop)
    sign = 1.0
    if first < 0.0 and last < 0.0:
        first = -first
        last = -last
        sign = -1.0
    result = np.logspace(np.log10(first), np.log10(last), num, endpoint=endpoint)
    # NumPy puts the endpoints back, since 10**log10(x) need not be x
    if num > 0:
        result[0] = first
        if num > 1 and endpoint:
            result[num - 1] = last
    return sign * result


# ---------------------------------------------------------------- nan_to_num, asarray_chkfinite, isposinf, isneginf

FLOAT64_MAX = 1.7976931348623157e+308
FLOAT32_MAX = 3.4028234663852886e+38


def _finite(v, nan, posinf, neginf):
    if v != v:
        return nan
    if v == math.inf:
        return posinf
    if v == -math.inf:
        return neginf
    return v


def _finite_number(v, nan, posinf, neginf):
    if isinstance(v, complex):
        return complex(_finite(v.real, nan, posinf, neginf), _finite(v.imag, nan, posinf, neginf))
    return _finite(v, nan, posinf, neginf)


def _fixed_copy(x, nan, posinf, neginf):
    # a C copy of the inexact array x with NaN and infinities replaced (each part of a complex number by itself)
    single = x.dtype == np.float32 or x.dtype == np.complex64
    big = FLOAT32_MAX if single else FLOAT64_MAX
    high = big if posinf is None else posinf
    low = -big if neginf is None else neginf
    out = x.copy()
    flat = out.ravel()
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        # (an item of a complex64 array is NumPy's complex64 here, not a Python complex)
        for i in range(flat.shape[0]):
            v = flat[i]
            flat[i] = complex(_finite(v.real, nan, high, low), _finite(v.imag, nan, high, low))
    else:
        for i in range(flat.shape[0]):
            flat[i] = _finite(flat[i], nan, high, low)
    return out


@overload("numpy.nan_to_num")
def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    if isinstance(nan, complex) or isinstance(posinf, complex) or isinstance(neginf, complex):
        _sj_reject("np.nan_to_num() takes real numbers for nan, posinf and neginf in compiled code", x)
    x = _sequence_as_array(x)
    if not _sj_is_array(x):
        if isinstance(x, float) or isinstance(x, complex):
            high = FLOAT64_MAX if posinf is None else posinf
            low = -FLOAT64_MAX if neginf is None else neginf
            return _finite_number(x, nan, high, low)
        return x
    if x.ndim == 0:
        # NumPy returns a 0-d array's item
        return _fixed_copy(x.ravel(), nan, posinf, neginf)[0]
    if not (x.dtype == np.float64 or x.dtype == np.float32 or x.dtype == np.complex128 or x.dtype == np.complex64):
        if copy:
            return x.copy()
        return x
    fixed = _fixed_copy(x, nan, posinf, neginf)
    if copy:
        return fixed
    x[...] = fixed
    return x


@overload("numpy.asarray_chkfinite")
def asarray_chkfinite(a, dtype=None):
    if dtype is None:
        arr = np.asarray(a)
    else:
        arr = np.asarray(a, dtype)
    if arr.dtype == np.float64 or arr.dtype == np.float32 or arr.dtype == np.complex128 or arr.dtype == np.complex64:
        if not np.isfinite(arr).all():
            raise ValueError("array must not contain infs or NaNs")
    return arr


def _infinite_with_sign(x, negative, out):
    x = _sequence_as_array(x)
    if isinstance(x, complex):
        raise TypeError("This operation is not supported for complex128 values because it would be ambiguous.")
    if _sj_is_array(x) and (x.dtype == np.complex128 or x.dtype == np.complex64):
        # NumPy's signbit has no complex loop
        name = "complex128" if x.dtype == np.complex128 else "complex64"
        raise TypeError(f"This operation is not supported for {name} values because it would be ambiguous.")
    if negative:
        r = np.logical_and(np.isinf(x), np.signbit(x))
    else:
        r = np.logical_and(np.isinf(x), np.logical_not(np.signbit(x)))
    if out is None:
        return r
    out[...] = r
    return out


@overload("numpy.isposinf")
def isposinf(x, out=None):
    return _infinite_with_sign(x, False, out)


@overload("numpy.isneginf")
def isneginf(x, out=None):
    return _infinite_with_sign(x, True, out)


# ---------------------------------------------------------------- convolve, correlate, polyval, diff


def _correlate_valid_mode(mode):
    if mode != "valid" and mode != "same" and mode != "full":
        raise ValueError("mode must be one of 'valid', 'same', or 'full' (got '" + mode + "')")


def _correlate_core(long, kern, mode):
    # NumPy's _pyarray_correlate of 1-d arrays of one dtype, len(long) >= len(kern) >= 1: out[i] is the sum of
    # long[i - left + q] * kern[q] over the q where both exist, added in q's order from zero (as its dot functions,
    # BLAS's reference dot and small_correlate all add), in the arrays' dtype.
    n = long.shape[0]
    m = kern.shape[0]
    if mode == "valid":
        left = 0
        length = n - m + 1
    elif mode == "same":
        left = m // 2
        length = n
    else:
        left = m - 1
        length = n + m - 1
    out = np.zeros(length, long.dtype)
    if long.dtype == np.float64:
        # _sj_convolve_f64(a, v, o, start) adds o[k] += a[start + k + q] * v[q] in q's order, vectorised over k
        if _sj_is_c(long):
            _sj_convolve_f64(long, kern.copy(), out, -left)
        else:
            _sj_convolve_f64(long.copy(), kern.copy(), out, -left)
        return out
    for i in range(length):
        t = i - left
        s = out[i]
        for q in range(max(0, -t), min(m, n - t)):
            if long.dtype == np.bool_:
                # NumPy's dot of booleans: any pair both true
                if long[t + q] and kern[q]:
                    s = True
            else:
                s += long[t + q] * kern[q]
        out[i] = s
    return out


@overload("numpy.convolve")
def convolve(a, v, mode="full"):
    x = np.asarray(a)
    y = np.asarray(v)
    if x.ndim > 1 or y.ndim > 1:
        raise ValueError("object too deep for desired array")
    _correlate_valid_mode(mode)
    dt = np.result_type(x, y)
    # (NumPy's ndmin=1: a number is one item)
    if x.dtype == dt:
        x = x.reshape(x.size)
    else:
        x = x.reshape(x.size).astype(dt)
    y = y.reshape(y.size).astype(dt)
    if y.shape[0] > x.shape[0]:
        x, y = y, x
    if x.shape[0] == 0:
        raise ValueError("a cannot be empty")
    if y.shape[0] == 0:
        raise ValueError("v cannot be empty")
    return _correlate_core(x, y[::-1], mode)


@overload("numpy.correlate")
def correlate(a, v, mode="valid"):
    x = np.asarray(a)
    y = np.asarray(v)
    if x.ndim > 1 or y.ndim > 1:
        raise ValueError("object too deep for desired array")
    if x.ndim == 0 or y.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    _correlate_valid_mode(mode)
    dt = np.result_type(x, y)
    if x.dtype != dt:
        x = x.astype(dt)
    y = y.astype(dt)
    if y.dtype == np.complex128 or y.dtype == np.complex64:
        y = np.conj(y)
    if x.shape[0] == 0:
        raise ValueError("first array argument cannot be empty")
    if y.shape[0] == 0:
        raise ValueError("second array argument cannot be empty")
    if x.shape[0] < y.shape[0]:
        # NumPy swaps them and reverses the result
        return _correlate_core(y, x, mode)[::-1].copy()
    return _correlate_core(x, y, mode)


@overload("numpy.polyval")
def polyval(p, x):
    c = np.asarray(p)
    if c.ndim != 1:
        _sj_reject("np.polyval() takes a 1-d sequence of coefficients in compiled code", c)
    if isinstance(x, int) or isinstance(x, float) or isinstance(x, complex):
        # NumPy's y = zeros_like(x), then y * x + c for each coefficient, on numbers
        y = x * 0
        if isinstance(x, float):
            y = 0.0
        for i in range(c.shape[0]):
            y = y * x + c[i]
        return y
    xs = np.asarray(x)
    zero = np.zeros(1, c.dtype)[0]
    if c.shape[0] == 0:
        # (NumPy's zeros have x's dtype here: the compiled result keeps the one other coefficients give)
        return np.zeros_like(xs) + zero
    y = np.zeros_like(xs) * xs + c[0]
    for i in range(1, c.shape[0]):
        y = y * xs + c[i]
    return y


@overload("numpy.polyfit")
def polyfit(x, y, deg, rcond=None, full=None, w=None, cov=None):
    # full and cov choose what is returned, so they are literals: their defaults (None here, False in NumPy) are
    # passed on as the literal False.
    if full is None:
        if cov is None:
            return _polyfit(x, y, deg, rcond, False, w, False)
        return _polyfit(x, y, deg, rcond, False, w, cov)
    if cov is None:
        return _polyfit(x, y, deg, rcond, full, w, False)
    return _polyfit(x, y, deg, rcond, full, w, cov)


def _polyfit(x, y, deg, rcond, full, w, cov):
    # NumPy 1.24's polyfit: the Vandermonde matrix's columns scaled to unit norm, np.linalg.lstsq, the scale taken
    # back out. (NumPy's RankWarning for a poorly conditioned fit is not given: compiled code has no warnings.)
    order = int(deg) + 1
    xs = np.asarray(x) + 0.0
    ys = np.asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if xs.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if xs.size == 0:
        raise TypeError("expected non-empty vector for x")
    if ys.ndim < 1 or ys.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if xs.shape[0] != ys.shape[0]:
        raise TypeError("expected x and y to have same length")
    cond = len(xs) * np.finfo(xs.dtype).eps
    if rcond is not None:
        cond = rcond
    lhs = np.vander(xs, order)
    rhs = ys
    if w is not None:
        ws = np.asarray(w) + 0.0
        if ws.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if ws.shape[0] != ys.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs *= ws[:, np.newaxis]
        if rhs.ndim == 2:
            rhs *= ws[:, np.newaxis]
        else:
            rhs *= ws
    scale = np.sqrt((lhs * lhs).sum(axis=0))
    lhs /= scale
    c, resids, rank, sv = np.linalg.lstsq(lhs, rhs, cond)
    c = (c.T / scale).T
    if full:
        return c, resids, rank, sv, cond
    if isinstance(cov, str):
        if cov != "unscaled":
            _sj_reject("np.polyfit(cov=) takes True, False or 'unscaled' in compiled code", cov)
        return _polyfit_cov(c, lhs, scale, ys, 1.0)
    if cov:
        if len(xs) <= order:
            raise ValueError("the number of data points must exceed order to scale the covariance matrix")
        return _polyfit_cov(c, lhs, scale, ys, resids / (len(xs) - order))
    return c


def _polyfit_cov(c, lhs, scale, ys, fac):
    vbase = np.linalg.inv(np.dot(lhs.T, lhs))
    vbase /= np.outer(scale, scale)
    if ys.ndim == 1:
        return c, vbase * fac
    return c, vbase[:, :, np.newaxis] * fac


def _with_length(shape, ax, k):
    # shape with k at axis ax (up to four dimensions).
    if len(shape) == 1:
        return (k,)
    if len(shape) == 2:
        return (k if ax == 0 else shape[0], k if ax == 1 else shape[1])
    if len(shape) == 3:
        return (k if ax == 0 else shape[0], k if ax == 1 else shape[1], k if ax == 2 else shape[2])
    if len(shape) > 4:
        _sj_reject("np.diff(prepend=, append=) takes arrays of up to four dimensions in compiled code", shape)
    return (k if ax == 0 else shape[0], k if ax == 1 else shape[1], k if ax == 2 else shape[2], k if ax == 3 else shape[3])


def _diff_edge(value, a, ax):
    # prepend= or append= as an array to join: a number fills a's shape with length 1 along the axis (its own dtype).
    if _sj_is_array(value) or isinstance(value, list) or isinstance(value, tuple):
        e = np.asarray(value)
        if e.ndim > 0:
            return e
        return np.full(_with_length(a.shape, ax, 1), e[()])
    return np.full(_with_length(a.shape, ax, 1), value)


def _diff_pair(upper, lower):
    # NumPy's diff of booleans is not_equal.
    if upper.dtype == np.bool_:
        return upper != lower
    return upper - lower


def _diff_at(v, ax):
    # One difference along axis ax by slices in place, so that the subtraction runs along memory: through swapaxes
    # and a copy back, a middle axis of a 3-d array took 2.4x NumPy's time (the first axis, 3.5x through the last).
    if ax == v.ndim - 1:
        return _diff_pair(v[..., 1:], v[..., :-1])
    if ax == 0:
        return _diff_pair(v[1:], v[:-1])
    if v.ndim >= 3 and ax == 1:
        return _diff_pair(v[:, 1:], v[:, :-1])
    if v.ndim >= 4 and ax == 2:
        return _diff_pair(v[:, :, 1:], v[:, :, :-1])
    return _sj_swapaxes(_diff_pair(_sj_swapaxes(v, ax, 0)[1:], _sj_swapaxes(v, ax, 0)[:-1]), ax, 0).copy()


@overload("numpy.diff")
def diff(a, n=1, axis=-1, prepend=None, append=None):
    a = np.asarray(a)
    arr = np.asarray(a)
    if prepend is None and append is None and n == 0:
        return arr
    if n < 0:
        raise ValueError("order must be non-negative but got " + str(n))
    if arr.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = _axis_index(axis, arr.ndim)
    if not (prepend is None) and not (append is None):
        arr = np.concatenate((_diff_edge(prepend, arr, ax), arr, _diff_edge(append, arr, ax)), ax)
    elif not (prepend is None):
        arr = np.concatenate((_diff_edge(prepend, arr, ax), arr), ax)
    elif not (append is None):
        arr = np.concatenate((arr, _diff_edge(append, arr, ax)), ax)
    if n == 0:
        # NumPy returns a as it is; here in the dtype the joined array has (the result's type is one)
        return np.asarray(a).astype(arr.dtype)
    d = _diff_at(arr, ax)
    for _ in range(1, n):
        d = _diff_at(d, ax)
    return d


# ---------------------------------------------------------------- trim_zeros, gradient, unwrap


@overload("numpy.trim_zeros")
def trim_zeros(filt, trim="fb"):
    how = trim.upper()
    n = len(filt)
    first = 0
    if "F" in how:
        for i in range(n):
            if filt[i] != 0.0:
                break
            first += 1
    last = n
    if "B" in how:
        for i in range(n - 1, -1, -1):
            if filt[i] != 0.0:
                break
            last -= 1
    return filt[first:last]


def _spacing(varargs, k):
    # np.gradient's spacing along its k-th axis: 1.0, the one number, or the k-th.
    if len(varargs) == 0:
        return 1.0
    elif len(varargs) == 1:
        return varargs[0]
    else:
        return varargs[k]


def _gradient_along(f, ax, dx, edge_order):
    # NumPy's central differences inside, one-sided ones of edge_order at the ends, along ax; integers as float64.
    if _sj_is_array(dx) or isinstance(dx, list):
        _sj_reject("np.gradient() takes numbers for the spacing in compiled code (not coordinate arrays)", dx)
    n = f.shape[ax]
    if n < edge_order + 1:
        raise ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
    if f.dtype == np.bool_:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
    if f.dtype == np.float64 or f.dtype == np.float32 or f.dtype == np.complex128 or f.dtype == np.complex64:
        g = f
    else:
        g = f.astype(np.float64)
    out = np.empty(g.shape, g.dtype)
    if f.ndim == 1:
        # (the ends are numbers here, as NumPy's f[0] is: float32 ends are computed in double, as NumPy's are)
        out[1:n - 1] = (g[2:] - g[:n - 2]) / (2.0 * dx)
        if edge_order == 1:
            out[0] = (g[1] - g[0]) / dx
            out[n - 1] = (g[n - 1] - g[n - 2]) / dx
        else:
            out[0] = -1.5 / dx * g[0] + 2.0 / dx * g[1] + -0.5 / dx * g[2]
            out[n - 1] = 0.5 / dx * g[n - 3] + -2.0 / dx * g[n - 2] + 1.5 / dx * g[n - 1]
        return out
    # with the axis swapped last, in views of g and out
    last = f.ndim - 1
    v = _sj_swapaxes(g, ax, last)
    o = _sj_swapaxes(out, ax, last)
    o[..., 1:n - 1] = (v[..., 2:] - v[..., :n - 2]) / (2.0 * dx)
    if edge_order == 1:
        o[..., 0:1] = (v[..., 1:2] - v[..., 0:1]) / dx
        o[..., n - 1:n] = (v[..., n - 1:n] - v[..., n - 2:n - 1]) / dx
    else:
        o[..., 0:1] = -1.5 / dx * v[..., 0:1] + 2.0 / dx * v[..., 1:2] + -0.5 / dx * v[..., 2:3]
        o[..., n - 1:n] = 0.5 / dx * v[..., n - 3:n - 2] + -2.0 / dx * v[..., n - 2:n - 1] + 1.5 / dx * v[..., n - 1:n]
    return out


@overload("numpy.gradient")
def gradient(f, *varargs, axis=None, edge_order=1):
    f = np.asarray(f)
    if axis is None:
        naxes = f.ndim
    elif isinstance(axis, tuple):
        naxes = len(axis)
    else:
        naxes = 1
    if len(varargs) > 1 and len(varargs) != naxes:
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    if axis is None:
        if f.ndim == 1:
            return _gradient_along(f, 0, _spacing(varargs, 0), edge_order)
        return [_gradient_along(f, k, _spacing(varargs, k), edge_order) for k in range(f.ndim)]
    if isinstance(axis, tuple):
        axes = [_axis_index(a, f.ndim) for a in axis]
        for i in range(len(axes)):
            for j in range(i):
                if axes[i] == axes[j]:
                    raise ValueError("repeated axis")
        if len(axis) == 1:
            return _gradient_along(f, axes[0], _spacing(varargs, 0), edge_order)
        return [_gradient_along(f, axes[k], _spacing(varargs, k), edge_order) for k in range(len(axes))]
    return _gradient_along(f, _axis_index(axis, f.ndim), _spacing(varargs, 0), edge_order)


TWO_PI = 6.283185307179586


@overload("numpy.unwrap")
def unwrap(p, discont=None, axis=-1, period=TWO_PI):
    arr = np.asarray(p)
    dd = np.diff(arr, axis=axis)
    ax = _axis_index(axis, arr.ndim)
    limit = period / 2 if discont is None else discont
    exact = isinstance(period, int) and not (dd.dtype == np.float64 or dd.dtype == np.float32 or dd.dtype == np.complex128 or dd.dtype == np.complex64 or dd.dtype == np.bool_)
    if exact:
        # NumPy's integer unwrapping: the half period rounded down, ambiguous only for an even period
        high = period // 2
        ambiguous = period % 2 == 0
    else:
        high = period / 2
        ambiguous = True
    low = -high
    ddmod = np.mod(dd - low, period) + low
    if ambiguous:
        ddmod[(ddmod == low) & (dd > 0)] = high
    correction = ddmod - dd
    correction[np.abs(dd) < limit] = 0
    out = arr.astype(np.result_type(dd, period))
    n = arr.shape[ax]
    _slice_along(out, ax, 1, n)[...] = _slice_along(arr, ax, 1, n) + np.cumsum(correction, ax)
    return out


# ---------------------------------------------------------------- fromiter


@overload("numpy.fromiter")
def fromiter(iter, dtype, count=-1):
    # NumPy's PyArray_FromIter: count items (an error if the iterator ends first; none for a count below -1), or with
    # count -1 every item, into an array that grows by half as NumPy's does; each item cast as a store into the array
    # casts it.
    if count != -1:
        count = max(count, 0)
        out = np.empty(count, dtype)
        k = 0
        if count > 0:
            for x in iter:
                out[k] = x
                k += 1
                if k == count:
                    break
        if k < count:
            raise ValueError("iterator too short: Expected " + str(count) + " but iterator had only " + str(k) + " items.")
        return out
    grown = np.empty(16, dtype)
    k = 0
    for x in iter:
        if k == grown.shape[0]:
            bigger = np.empty(k + (k >> 1) + 16, dtype)
            bigger[:k] = grown
            grown = bigger
        grown[k] = x
        k += 1
    return grown[:k].copy()
