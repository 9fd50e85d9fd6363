# NumPy's searching, indexing and small linear-algebra routines in compiled code (NumPy 1.24's results, dtypes and
# messages): np.nonzero / a.nonzero() / np.where(cond), np.argwhere, np.flatnonzero, np.bincount, np.digitize,
# np.take / a.take, np.put, np.select, np.triu_indices, np.tril_indices, np.diag_indices, np.partition,
# np.argpartition, np.logspace, np.kron, np.vdot, np.inner. The array's rank (a.ndim) and dtypes are compile-time
# values here, so one function serves every rank it handles; a tuple of index arrays is built per rank (up to 4).
import math

import numpy as np


def _unsupported(message):
    # Raises TypeError for a case compiled code does not support; a call rather than a raise statement, so that the
    # caller keeps the type it returns elsewhere.
    raise TypeError(message)


def _axis_index(axis, ndim):
    # A possibly negative axis as an index, or NumPy's AxisError.
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


# ---------------------------------------------------------------- nonzero, argwhere, flatnonzero


@unchecked
def _last_nonzero(flat):
    # The position of the last nonzero element of a 1-d array that has one.
    i = flat.shape[0] - 1
    while flat[i] == 0:
        i -= 1
    return i


# The loops below store every element's position to the next free slot, which only a nonzero element keeps by moving
# on: no branch on the data, which a random mask mispredicts half the time (np.flatnonzero of 1,000,000 random bools:
# 3.5 ms with a branch, NumPy 0.46 ms). They stop at the last nonzero element, so every store stays in the array, and
# index without bounds checks (@unchecked: the store's index depends on the data, so a check stayed in the loop).


@overload("numpy.flatnonzero")
def flatnonzero(a):
    flat = a.ravel()
    count = np.count_nonzero(flat)
    out = np.empty(count, np.int64)
    if count == 0:
        return out
    _nonzero_positions(flat, out)
    return out


@unchecked
def _nonzero_positions(flat, out):
    # out[k]: the position of flat's k-th nonzero element (out has room for all of them, and the loop stops at the
    # last, so every index is in range).
    k = 0
    for i in range(_last_nonzero(flat) + 1):
        out[k] = i
        k += flat[i] != 0


@unchecked
def _nonzero_indices(a):
    # The indices of a's nonzero elements in C order: row d of an (a.ndim, N) int64 array holds their d-th indices.
    # The multi-index counts up axis by axis, without divisions.
    flat = a.ravel()
    count = np.count_nonzero(flat)
    nd = a.ndim
    out = np.empty((nd, count), np.int64)
    if count == 0:
        return out
    idx = np.zeros(nd, np.int64)
    k = 0
    for i in range(_last_nonzero(flat) + 1):
        for d in range(nd):
            out[d, k] = idx[d]
        k += flat[i] != 0
        d = nd - 1
        idx[d] += 1
        while d > 0 and idx[d] == a.shape[d]:
            idx[d] = 0
            d -= 1
            idx[d] += 1
    return out


@overload("numpy.argwhere")
def argwhere(a):
    # The indices of the nonzero elements, one row per element in C order: an (N, a.ndim) int64 array.
    if a.ndim == 0:
        _unsupported("np.argwhere() of a 0-d array is not supported in compiled code")
    return _nonzero_indices(a).T.copy()


@overload("numpy.nonzero")
def nonzero(a):
    # A tuple of a.ndim int64 arrays: the indices of the nonzero elements along each axis, in C order.
    if a.ndim == 1:
        return (flatnonzero(a),)
    w = _nonzero_indices(a)
    if a.ndim == 2:
        return w[0], w[1]
    if a.ndim == 3:
        return w[0], w[1], w[2]
    if a.ndim == 4:
        return w[0], w[1], w[2], w[3]
    _unsupported("np.nonzero() of arrays of 0 or more than 4 dimensions is not supported in compiled code")
    return (flatnonzero(a),)


def _method_nonzero(a):
    return nonzero(a)


# ---------------------------------------------------------------- bincount, digitize


def _safe_int_name(a):
    # NumPy's message for an array that does not cast safely to int64 ('safe' casting).
    return f"Cannot cast array data from dtype('{a.dtype}') to dtype('int64') according to the rule 'safe'"


@overload("numpy.bincount")
def bincount(x, weights=None, minlength=0):
    if x.ndim != 1:
        if x.ndim == 0:
            raise ValueError("object of too small depth for desired array")
        raise ValueError("object too deep for desired array")
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    if x.dtype == np.float64 or x.dtype == np.float32 or x.dtype == np.uint64 or x.dtype == np.complex128 or x.dtype == np.complex64:
        raise TypeError(_safe_int_name(x))
    n = x.shape[0]
    top = -1
    for i in range(n):
        v = int(x[i])
        if v < 0:
            raise ValueError("'list' argument must have no negative elements")
        if v > top:
            top = int(v)
    size = top + 1
    if size < minlength:
        size = minlength
    if weights is None:
        counts = np.zeros(size, np.int64)
        for i in range(n):
            counts[int(x[i])] += 1
        return counts
    if weights.dtype == np.complex128 or weights.dtype == np.complex64:
        raise TypeError(f"Cannot cast array data from dtype('{weights.dtype}') to dtype('float64') according to the rule 'safe'")
    if weights.ndim != 1:
        raise ValueError("object too deep for desired array")
    if weights.shape[0] != n:
        raise ValueError("The weights and list don't have the same length.")
    sums = np.zeros(size, np.float64)
    for i in range(n):
        sums[int(x[i])] += float(weights[i])
    return sums


def _monotonicity(bins):
    # 1 increasing (or fewer than 2 bins, or all equal), -1 decreasing, 0 neither (NumPy's _monotonicity).
    n = bins.shape[0]
    if n < 2:
        return 1
    up = True
    down = True
    for i in range(n - 1):
        if bins[i + 1] < bins[i]:
            up = False
        if bins[i + 1] > bins[i]:
            down = False
    if up:
        return 1
    if down:
        return -1
    return 0


@overload("numpy.digitize")
def digitize(x, bins, right=False):
    if isinstance(x, complex):
        raise TypeError("x may not be complex")
    if not isinstance(x, (int, float)):
        if x.dtype == np.complex128 or x.dtype == np.complex64:
            raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object too deep for desired array")
    mono = _monotonicity(bins)
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    if right:
        if mono == -1:
            return bins.shape[0] - np.searchsorted(bins[::-1], x, side="left")
        return np.searchsorted(bins, x, side="left")
    if mono == -1:
        return bins.shape[0] - np.searchsorted(bins[::-1], x, side="right")
    return np.searchsorted(bins, x, side="right")


# ---------------------------------------------------------------- take, put, select


def _wrap(i, n, axis):
    if i < -n or i >= n:
        raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
    if i < 0:
        return i + n
    return i


def _take_flat(src, indices, axis):
    # src[indices] along the first axis of src (an index array of any shape, or an integer).
    n = src.shape[0]
    if isinstance(indices, int):
        return src[_wrap(indices, n, axis)]
    flat = indices.ravel()
    if axis == 0:
        # the integer-array index (its errors name axis 0, as NumPy's here)
        return src[flat].reshape(indices.shape + src.shape[1:])
    m = flat.shape[0]
    out = np.empty((m,) + src.shape[1:], src.dtype)
    for i in range(m):
        out[i] = src[_wrap(flat[i], n, axis)]
    return out.reshape(indices.shape + src.shape[1:])


@overload("numpy.take")
def take(a, indices, axis=None, out=None, mode="raise"):
    a = np.asarray(a)
    if not (out is None):
        _unsupported("np.take(out=) is not supported in compiled code")
    if mode != "raise":
        _unsupported("np.take() supports mode='raise' only in compiled code")
    if not isinstance(indices, int):
        indices = np.asarray(indices)
        if indices.dtype == np.float64 or indices.dtype == np.float32 or indices.dtype == np.uint64 or indices.dtype == np.complex128 or indices.dtype == np.complex64 or indices.dtype == np.bool_:
            raise TypeError(f"Cannot cast array data from dtype('{indices.dtype}') to dtype('int64') according to the rule 'safe'")
    if axis is None:
        return _take_flat(a.ravel(), indices, 0)
    if a.ndim == 1:
        _axis_index(axis, 1)
        return _take_flat(a, indices, 0)
    ax = _axis_index(axis, a.ndim)
    if isinstance(indices, int):
        if a.ndim == 2:
            if ax == 0:
                return a[_wrap(indices, a.shape[0], 0)].copy()
            return a[:, _wrap(indices, a.shape[1], 1)].copy()
        t = _sj_swapaxes(a, 0, ax)
        # The other axes in their order: the first axis of a moved to where ax was, then back to the front.
        r = t[_wrap(indices, t.shape[0], ax)]
        if ax == 0:
            return r.copy()
        for d in range(ax - 1):
            r = _sj_swapaxes(r, d, d + 1)
        return r.copy()
    if indices.ndim != 1:
        _unsupported("np.take() along an axis takes a 1-d array of indices (or an integer) in compiled code")
    t = _sj_swapaxes(a, 0, ax)
    return _sj_swapaxes(_take_flat(t, indices, ax), 0, ax).copy()


def _method_take(a, indices, axis, out, mode):
    return take(a, indices, axis, out, mode)


@overload("numpy.put")
def put(a, ind, v, mode="raise"):
    if mode != "raise":
        _unsupported("np.put() supports mode='raise' only in compiled code")
    if isinstance(ind, (list, tuple)):
        return put(a, np.asarray(ind), v, mode)
    if isinstance(v, (list, tuple)):
        return put(a, ind, np.asarray(v), mode)
    if not isinstance(ind, int):
        if ind.dtype == np.float64 or ind.dtype == np.float32 or ind.dtype == np.uint64 or ind.dtype == np.complex128 or ind.dtype == np.complex64 or ind.dtype == np.bool_:
            raise TypeError(f"Cannot cast array data from dtype('{ind.dtype}') to dtype('int64') according to the rule 'safe'")
    f = a.flat
    n = a.size
    if isinstance(ind, int):
        if isinstance(v, (int, float, complex, bool)):
            f[_wrap(ind, n, 0)] = v
        else:
            vf = v.ravel()
            if vf.shape[0] > 0:
                f[_wrap(ind, n, 0)] = vf[0]
        return None
    fi = ind.ravel()
    m = fi.shape[0]
    if isinstance(v, (int, float, complex, bool)):
        for i in range(m):
            f[_wrap(fi[i], n, 0)] = v
        return None
    vf = v.ravel()
    nv = vf.shape[0]
    if nv == 0:
        return None
    for i in range(m):
        f[_wrap(fi[i], n, 0)] = vf[i % nv]
    return None


@overload("numpy.select")
def select(condlist, choicelist, default=0):
    # The first choice whose condition holds, element by element (after broadcasting), else default; the result's
    # dtype is NumPy's result type of the choices and default. Lists hold arrays of one type; a tuple of choices (up
    # to 4) may mix dtypes and dimensions.
    n = len(condlist)
    if n != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if n == 0:
        raise ValueError("select with an empty condition list is not possible")
    if isinstance(choicelist, tuple):
        k = len(choicelist)
        if k == 1:
            _select_check(condlist[0], 0)
            return np.where(condlist[0], choicelist[0], default)
        if k == 2:
            _select_check(condlist[0], 0)
            _select_check(condlist[1], 1)
            return np.where(condlist[0], choicelist[0], np.where(condlist[1], choicelist[1], default))
        if k == 3:
            _select_check(condlist[0], 0)
            _select_check(condlist[1], 1)
            _select_check(condlist[2], 2)
            return np.where(condlist[0], choicelist[0], np.where(condlist[1], choicelist[1], np.where(condlist[2], choicelist[2], default)))
        if k == 4:
            _select_check(condlist[0], 0)
            _select_check(condlist[1], 1)
            _select_check(condlist[2], 2)
            _select_check(condlist[3], 3)
            return np.where(condlist[0], choicelist[0], np.where(condlist[1], choicelist[1], np.where(condlist[2], choicelist[2], np.where(condlist[3], choicelist[3], default))))
    for i in range(n):
        _select_check(condlist[i], i)
    result = np.where(condlist[n - 1], choicelist[n - 1], default)
    for j in range(n - 1):
        i = n - 2 - j
        result = np.where(condlist[i], choicelist[i], result)
    return result


def _select_check(c, i):
    if c.dtype != np.bool_:
        raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")


# ---------------------------------------------------------------- triangle and diagonal indices


@overload("numpy.triu_indices")
def triu_indices(n, k=0, m=None):
    cols = n if m is None else m
    mask = np.arange(n)[:, None] + (k - 1) >= np.arange(cols)[None, :]
    return nonzero(~mask)


@overload("numpy.tril_indices")
def tril_indices(n, k=0, m=None):
    cols = n if m is None else m
    mask = np.arange(n)[:, None] + k >= np.arange(cols)[None, :]
    return nonzero(mask)


@overload("numpy.diag_indices")
def diag_indices(n, ndim=2):
    if ndim != 2:
        _unsupported("np.diag_indices() supports ndim=2 only in compiled code")
    idx = np.arange(n)
    return idx, idx.copy()


# ---------------------------------------------------------------- partition


# ---------------------------------------------------------------- logspace


@overload("numpy.logspace")
def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None):
    y = np.linspace(start, stop, num, endpoint=endpoint)
    if dtype is None:
        return np.power(base, y)
    return np.power(base, y).astype(dtype)


# ---------------------------------------------------------------- kron, vdot, inner


@overload("numpy.kron")
def kron(a, b):
    # NumPy's: the lower-dimensional operand gets leading axes of length 1; of 1-d and 2-d operands.
    if a.ndim > 2 or b.ndim > 2 or a.ndim == 0 or b.ndim == 0:
        _unsupported("np.kron() takes 1-d and 2-d arrays in compiled code")
    if a.ndim == 1:
        if b.ndim == 1:
            return (a[:, None] * b[None, :]).reshape(a.shape[0] * b.shape[0])
        return _kron2(a.reshape(1, a.shape[0]), b)
    if b.ndim == 1:
        return _kron2(a, b.reshape(1, b.shape[0]))
    return _kron2(a, b)


def _kron2(a, b):
    p = a[:, None, :, None] * b[None, :, None, :]
    return p.reshape(a.shape[0] * b.shape[0], a.shape[1] * b.shape[1])


@overload("numpy.vdot")
def vdot(a, b):
    # The dot product of the flattened arrays, the first conjugated.
    fa = a.ravel()
    fb = b.ravel()
    if fa.shape[0] != fb.shape[0]:
        raise ValueError(f"cannot reshape array of size {fb.shape[0]} into shape ({fa.shape[0]},)")
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return np.dot(np.conjugate(fa), fb)
    return np.dot(fa, fb)


@overload("numpy.inner")
def inner(a, b):
    # The sums of products over the last axes (1-d and 2-d arrays): np.dot(a, b.T), as NumPy computes it.
    if isinstance(a, (int, float, complex, bool)) or isinstance(b, (int, float, complex, bool)):
        return a * b
    if a.ndim > 2 or b.ndim > 2:
        _unsupported("np.inner() takes 1-d and 2-d arrays in compiled code")
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    return np.dot(a, b.T)
