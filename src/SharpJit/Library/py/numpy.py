# Scalar kernels of NumPy's ufuncs, written in Python. The ufunc's typing stays in C# (NumPy's loop resolution,
# Library/Builtins.NumPy.cs); the kernel receives the arguments converted to the loop's type (int64, float64 or
# complex128) and computes one element, so array loops reuse it unchanged.
import math

import numpy as np

LN2 = 0.6931471805599453
LOG2E = 1.4426950408889634


def sign(x):
    if isinstance(x.imag, int):
        # integers, uint64 included
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


@overload("numpy.histogram")
def histogram(a, bins=10, range=None, density=None, weights=None):
    a = np.asarray(a)
    if not isinstance(bins, int):
        return _histogram_given_edges(a, np.asarray(bins), density, weights)
    if weights is None:
        hist, edges = _histogram(a, bins, range)
        if density is None or not density:
            return hist, edges
        return _density(hist, edges), edges
    if weights.ndim != a.ndim or weights.size != a.size:
        raise ValueError("weights should have the same shape as a.")
    hist, edges = _histogram_weighted(a, bins, range, weights.ravel())
    if density is None or not density:
        return hist, edges
    return _density(hist, edges), edges


def _histogram_given_edges(a, edges, density, weights):
    # Bins given by their edges (range is then unused), counted as NumPy 1.24 counts them: per block of 65,536 values,
    # the sorted block searched for each edge (the last one inclusive), the counts below each edge summed over the
    # blocks and differenced; with weights, the block's weights in sorted order summed up to each edge instead.
    if edges.ndim != 1:
        raise ValueError("`bins` must be 1d, when an array")
    for i in range(edges.shape[0] - 1):
        if edges[i] > edges[i + 1]:
            raise ValueError("`bins` must increase monotonically, when an array")
    flat = a.ravel()
    last = edges.shape[0] - 1
    if weights is None:
        below = np.zeros(edges.shape[0], np.int64)
    else:
        if weights.ndim != a.ndim or weights.size != a.size:
            raise ValueError("weights should have the same shape as a.")
        w = weights.ravel()
        below = np.zeros(edges.shape[0], w.dtype)
    n = flat.shape[0]
    start = 0
    while start < n:
        stop = min(start + 65536, n)
        if weights is None:
            sa = np.sort(flat[start:stop])
            below[:last] += np.searchsorted(sa, edges[:last], side="left")
            below[last:] += np.searchsorted(sa, edges[last:], side="right")
        else:
            order = np.argsort(flat[start:stop])
            sa = flat[start:stop][order]
            running = np.concatenate((np.zeros(1, w.dtype), w[start:stop][order].cumsum()))
            below[:last] += running[np.searchsorted(sa, edges[:last], side="left")]
            below[last:] += running[np.searchsorted(sa, edges[last:], side="right")]
        start = stop
    hist = np.diff(below)
    if density is None or not density:
        return hist, edges
    return _density(hist, edges), edges


def _reduce_axes(a, axes, last, kind, keepdims, ddof):
    # a.KIND(axis=axes) over a tuple of axes (Arrays.Reductions.cs; last, the positions they move to, and kind are
    # constants), after NumPy's checks of the axes: the axes moved last, in their order, and merged into one (a view
    # where a's layout allows, as NumPy's iterator coalesces them), then reduced along it; keepdims puts length-1 axes
    # back where they were.
    for i in range(len(axes)):
        ax = _axis_index(axes[i], a.ndim, "")
        for j in range(i):
            if _axis_index(axes[j], a.ndim, "") == ax:
                raise ValueError("duplicate value in 'axis'")
    b = np.moveaxis(a, axes, last)
    merged = b.reshape(b.shape[:a.ndim - len(axes)] + (-1,))
    if kind == "var" or kind == "std":
        d = 0.0 if ddof is None else ddof
        r = merged.var(-1, ddof=d) if kind == "var" else merged.std(-1, ddof=d)
    elif kind == "sum" or kind == "prod":
        r = merged.sum(-1) if kind == "sum" else merged.prod(-1)
    elif kind == "min" or kind == "max":
        r = merged.min(-1) if kind == "min" else merged.max(-1)
    elif kind == "mean":
        r = merged.mean(-1)
    else:
        r = merged.any(-1) if kind == "any" else merged.all(-1)
    if keepdims:
        return np.expand_dims(r, axes)
    return r


def _density(hist, edges):
    # NumPy's n / db / n.sum(), the widths as float64
    db = np.diff(edges).astype(np.float64)
    return hist / db / hist.sum()


def _histogram_weighted(a, bins, limits, w):
    # NumPy 1.24's uniform-bin histogram with weights: blocks of 65,536 values; in each, a value's bin by
    # multiplication, corrected against the edges (as _sj_histogram_uniform finds it), and np.bincount's float64 sum of
    # the block's weights per bin, cast to the weights' dtype and added to the totals.
    flat = a.ravel()
    lo, hi, edges = _histogram_edges(flat, bins, limits)
    if not (a.dtype == np.float32 or a.dtype == np.float64):
        flat = flat.astype(np.float64)
    x0 = edges[0]
    x1 = edges[bins]
    norm = bins / (hi - lo)
    if a.dtype == np.float32:
        # NumPy computes in float32 here: the array minus (and times) a Python float
        norm = np.float32(norm)
    n = np.zeros(bins, w.dtype)
    part = np.zeros(bins, np.float64)
    total = flat.shape[0]
    start = 0
    while start < total:
        stop = min(start + 65536, total)
        part[:] = 0.0
        for i in range(start, stop):
            x = flat[i]
            if x >= x0 and x <= x1:
                k = int((x - x0) * norm)
                if k == bins:
                    k -= 1
                if x < edges[k]:
                    k -= 1
                elif k != bins - 1 and x >= edges[k + 1]:
                    k += 1
                part[k] += float(w[i])
        n += part.astype(w.dtype)
        start = stop
    return n, edges


def _histogram_range(flat, range):
    # NumPy's first and last edge: the range given, or the data's min and max; an empty range widened by 0.5 each way.
    if range is None:
        if flat.shape[0] == 0:
            lo = 0.0
            hi = 1.0
        else:
            lo = float(flat.min())
            hi = float(flat.max())
            if not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError(f"autodetected range of [{lo}, {hi}] is not finite")
    else:
        lo = float(range[0])
        hi = float(range[1])
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"supplied range of [{lo}, {hi}] is not finite")
    if lo == hi:
        lo = lo - 0.5
        hi = hi + 0.5
    return lo, hi


def _histogram_edges(flat, bins, range):
    # The first and last edge and the edges (NumPy's checks of bins first). The edges have the data's float type
    # (NumPy's np.result_type(first_edge, last_edge, a)): float32 data is compared with the range's bounds rounded to
    # float32 (edges[0] and edges[-1]).
    if not isinstance(bins, int):
        raise TypeError("histogram() takes an integer number of bins in compiled code")
    if bins < 1:
        raise ValueError("`bins` must be positive, when an integer")
    lo, hi = _histogram_range(flat, range)
    if flat.dtype == np.float32:
        return lo, hi, np.linspace(lo, hi, bins + 1).astype(np.float32)
    return lo, hi, np.linspace(lo, hi, bins + 1)


def _histogram(a, bins, range):
    # Equal-width bins over range (default: the data's min and max), counted as NumPy does: the last bin is closed,
    # values outside the range are left out, and a value on an edge goes to the bin the edges array says.
    flat = a.ravel()
    lo, hi, edges = _histogram_edges(flat, bins, range)
    # Counted as NumPy 1.24 counts (the bin by multiplication, corrected against the edges), in compiled code
    # (_sj_histogram_uniform); other data is compared as float64, as NumPy converts it to the edges' type.
    counts = np.zeros(bins + 1, np.int64)
    if a.dtype == np.float32 or a.dtype == np.float64:
        _sj_histogram_uniform(flat, edges, counts, lo, hi)
    else:
        _sj_histogram_uniform(flat.astype(np.float64), edges, counts, lo, hi)
    hist = counts[:bins].copy()
    return hist, edges


@overload("numpy.roll")
def roll(a, shift, axis=None):
    # NumPy's: without an axis the flattened array rolls and keeps its shape; with axes (an int or a tuple, shift an
    # int or a tuple broadcast against them) each axis rolls by the sum of its shifts.
    a = np.asarray(a)
    if axis is None:
        if isinstance(shift, tuple):
            _unsupported("np.roll() with a tuple of shifts and no axis is not supported in compiled code")
        flat = a.ravel()
        n = flat.shape[0]
        out = np.empty_like(flat)
        if n > 0:
            s = shift % n
            out[s:] = flat[:n - s]
            out[:s] = flat[n - s:]
        return out.reshape(a.shape)
    if isinstance(axis, tuple):
        if isinstance(shift, tuple):
            if len(shift) != len(axis):
                raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                                 f"arg 0 with shape ({len(shift)},) and arg 1 with shape ({len(axis)},).")
            r = a
            for k in range(len(axis)):
                r = _roll_axis(r, shift[k], _axis_index(axis[k], a.ndim, ""))
            return r
        r = a
        for ax in axis:
            r = _roll_axis(r, shift, _axis_index(ax, a.ndim, ""))
        return r
    if isinstance(shift, tuple):
        total = 0
        for s in shift:
            total += s
        return _roll_axis(a, total, _axis_index(axis, a.ndim, ""))
    return _roll_axis(a, shift, _axis_index(axis, a.ndim, ""))


def _roll_axis(a, shift, ax):
    out = np.empty_like(a)
    n = a.shape[ax]
    if n > 0:
        s = shift % n
        # along a later axis of a 2-d or 3-d array: slices in place, so the copies run along memory (through
        # swapaxes they walked down columns: 3.4x NumPy's time for a 316x316 matrix)
        if a.ndim == 2 and ax == 1:
            out[:, s:] = a[:, :n - s]
            out[:, :s] = a[:, n - s:]
        elif a.ndim == 3 and ax == 2:
            out[:, :, s:] = a[:, :, :n - s]
            out[:, :, :s] = a[:, :, n - s:]
        elif a.ndim == 3 and ax == 1:
            out[:, s:] = a[:, :n - s]
            out[:, :s] = a[:, n - s:]
        else:
            src = _sj_swapaxes(a, 0, ax)
            dst = _sj_swapaxes(out, 0, ax)
            dst[s:] = src[:n - s]
            dst[:s] = src[n - s:]
    else:
        out[...] = a
    return out


# ---------------------------------------------------------------- ufunc.reduce and ufunc.accumulate along an axis
# Arrays.UFuncMethods.cs calls these for an n-d array, an axis or keepdims=, with literals: keepdims, the name of the
# dtype NumPy's reduction works in (int64 for add/multiply of bools and narrow ints), the ufunc's identity (None
# where it has none) and the ufunc's name.


def _ufunc_reduce(uf, a, axis, keepdims, dtype, identity, name):
    # NumPy's order: the first slice along the axis, combined in place with each next one.
    if axis is None:
        if keepdims:
            _sj_reject("ufunc.reduce(axis=None, keepdims=True) is not supported in compiled code", a)
        return uf.reduce(a.ravel())
    ax = _axis_index(axis, a.ndim, "")
    if a.ndim == 1 and not keepdims:
        return uf.reduce(a)                 # a number
    b = np.moveaxis(a, ax, 0)
    out = _reduced_array(a, b.shape[1:], dtype)
    if b.shape[0] == 0:
        if identity is None:
            raise ValueError("zero-size array to reduction operation " + name + " which has no identity")
        out[...] = identity
    else:
        out[...] = b[0]
        for k in range(1, b.shape[0]):
            uf(out, b[k], out=out)
    if keepdims:
        return np.expand_dims(out, ax)
    return out


def _reduced_array(a, shape, dtype):
    # The result of reducing a along an axis, in NumPy's K order: Fortran-ordered where a is.
    if _sj_is_f(a):
        return np.empty(shape[::-1], dtype).T
    return np.empty(shape, dtype)


def _ufunc_accumulate(uf, a, axis, keepdims, dtype, identity, name):
    ax = _axis_index(axis, a.ndim, "")
    if a.ndim == 1:
        return uf.accumulate(a)
    out = np.empty_like(a, dtype)
    b = np.moveaxis(a, ax, 0)
    o = np.moveaxis(out, ax, 0)
    if b.shape[0] > 0:
        o[0] = b[0]
        for k in range(1, b.shape[0]):
            uf(o[k - 1], b[k], out=o[k])
    return out


def _reduce_masked(a, axis, keepdims, initial, where, kind, ddof):
    # NumPy's sum/prod/min/max with initial= and sum/prod/min/max/mean/any/all/var/std with where=: each result starts
    # from initial (or the identity) and takes the elements where `where` is true, in NumPy's order: along the axis
    # innermost in memory a sum adds each run of selected elements pairwise (NumPy's masked inner loop calls its
    # pairwise sum per run), elsewhere in order, as NumPy's iterator adds rows; products in order. (Arrays.Reductions.cs
    # passes axis, keepdims and kind as literals; ddof is None or a float, for var and std.)
    mask = np.broadcast_to(np.asarray(True), a.shape)
    if where is not None:
        mask = np.broadcast_to(np.asarray(where), a.shape)
    if kind == "var" or kind == "std":
        return _var_masked(a, axis, keepdims, mask, kind, ddof)
    if kind == "mean":
        if a.dtype == np.float32 or a.dtype == np.float64 or a.dtype == np.complex64 or a.dtype == np.complex128:
            total = _reduce_masked(a, axis, keepdims, None, mask, "sum", None)
        else:
            total = _reduce_masked(a.astype(np.float64), axis, keepdims, None, mask, "sum", None)
        count = _reduce_masked(mask, axis, keepdims, None, None, "sum", None)
        if axis is None and not keepdims:
            return np.full(1, total / count, np.asarray(total).dtype)[0]
        return (total / count).astype(total.dtype)
    if (kind == "max" or kind == "min") and initial is None:
        name = "maximum"
        if kind == "min":
            name = "minimum"
        raise ValueError("reduction operation '" + name + "' does not have an identity, so to use a where mask one has to specify 'initial'")
    start = _reduction_start(a, initial, kind)
    if axis is None or a.ndim == 1:
        # NumPy's iterator takes a contiguous array as one line in memory order, any other line by line along the
        # last axis.
        if a.ndim <= 1 or _sj_is_c(a):
            r = _masked_line(a.ravel(), mask.ravel(), start, kind, True)
        elif _sj_is_f(a):
            r = _masked_line(a.ravel("F"), mask.ravel("F"), start, kind, True)
        else:
            n = a.shape[a.ndim - 1]
            count = _outer_size(a)
            lines = np.ascontiguousarray(a).reshape((count, n))
            masks = np.ascontiguousarray(mask).reshape((count, n))
            r = start
            for k in range(count):
                r = _masked_line(lines[k], masks[k], r, kind, True)
        if keepdims:
            return np.full((1,) * a.ndim, r, np.asarray(r).dtype)
        return r
    b = np.moveaxis(a, axis, -1)
    mb = np.moveaxis(mask, axis, -1)
    n = a.shape[axis]
    count = _outer_size(b)
    lines = np.ascontiguousarray(b).reshape((count, n))
    masks = np.ascontiguousarray(mb).reshape((count, n))
    # NumPy sums a line pairwise where the axis is the innermost in memory.
    pairwise = a.strides[axis] == a.itemsize
    out = np.empty(count, np.asarray(start).dtype)
    for k in range(count):
        out[k] = _masked_line(lines[k], masks[k], start, kind, pairwise)
    res = out.reshape(b.shape[:-1])
    if keepdims:
        return np.expand_dims(res, axis)
    return res


def _var_masked(a, axis, keepdims, mask, kind, ddof):
    # NumPy's _var with where=: the mean of the selected elements (axes kept, the quotient in the sum's dtype), the
    # selected squared deviations summed, over max(count - ddof, 0), the quotient again in the sum's dtype; std its
    # square root. Integers and bools are summed as float64; a complex array's deviations times their conjugates.
    src = a
    if not (a.dtype == np.float32 or a.dtype == np.float64 or a.dtype == np.complex64 or a.dtype == np.complex128):
        src = a.astype(np.float64)
    total = _reduce_masked(src, axis, True, None, mask, "sum", None)
    mean = (total / _reduce_masked(mask, axis, True, None, None, "sum", None)).astype(total.dtype)
    x = src - mean
    if src.dtype == np.complex64 or src.dtype == np.complex128:
        x = (x * np.conj(x)).real
    else:
        x = x * x
    d = 0.0
    if ddof is not None:
        d = ddof
    ret = _reduce_masked(x, axis, keepdims, None, mask, "sum", None)
    count = np.maximum(_reduce_masked(mask, axis, keepdims, None, None, "sum", None) - d, 0.0)
    dtype = np.asarray(ret).dtype
    if axis is None and not keepdims:
        q = np.full(1, ret / count, dtype)[0]
        if kind == "std":
            return np.sqrt(q)
        return q
    q = (ret / count).astype(dtype)
    if kind == "std":
        return np.sqrt(q)
    return q


def _outer_size(b):
    # The number of lines of b (all axes but the last), also when the last has length 0.
    m = 1
    for k in range(b.ndim - 1):
        m *= b.shape[k]
    return m


def _reduction_start(a, initial, kind):
    # What a reduction of a starts from: initial cast to the reduction's dtype (NumPy's: int64 for sums and products
    # of bools and narrow ints), else the identity (any: False, all: True).
    if kind == "any":
        return False
    if kind == "all":
        return True
    empty = a.ravel()[:0]
    if kind == "sum":
        z = empty.sum()
    elif kind == "prod":
        z = empty.prod()
    else:
        z = np.zeros(1, a.dtype)[0]
    if initial is None:
        return z
    return np.full(1, initial, np.asarray(z).dtype)[0]


def _masked_line(x, mk, acc, kind, pairwise):
    # A 1-d line's reduction from acc over the elements where mk is true.
    n = x.shape[0]
    if kind == "sum" and pairwise:
        i = 0
        while i < n:
            if mk[i]:
                j = i + 1
                while j < n and mk[j]:
                    j += 1
                acc = acc + x[i:j].sum()
                i = j
            else:
                i += 1
        return acc
    for i in range(n):
        if mk[i]:
            if kind == "sum":
                acc = acc + x[i]
            elif kind == "prod":
                acc = acc * x[i]
            elif kind == "max":
                acc = np.maximum(acc, x[i])
            elif kind == "min":
                acc = np.minimum(acc, x[i])
            elif kind == "any":
                acc = acc or bool(x[i])
            else:
                acc = acc and bool(x[i])
    return acc


def _ufunc_at(uf, a, indices, b, nin, how, name):
    # NumPy's unbuffered ufunc.at: a[i] = uf(a[i], b[k]) for each selected element (or subarray) in turn, so an index
    # that occurs twice is applied twice; each result is cast to a's dtype as NumPy casts it (unsafe). how
    # (Arrays.UFuncMethods.cs) says what the indices can select: "direct" none twice, so one application does;
    # "gather" integer arrays on the leading axes; "positions" any other mixture, by the flat positions it selects.
    if nin == 1:
        if b is not None:
            raise ValueError("second operand provided when ufunc is unary")
    elif b is None:
        raise ValueError("second operand needed for ufunc")
    if how == "direct":
        ix = indices
        if isinstance(indices, list):
            ix = np.asarray(indices)
        if nin == 1:
            a[ix] = uf(a[ix])
        else:
            sel = a[ix]
            if _sj_is_array(sel):
                _at_broadcastable(b, sel.shape)
            else:
                _at_broadcastable(b, ())
            a[ix] = uf(sel, b)
        return
    if how == "gather":
        arrays = np.broadcast_arrays(*_at_arrays(indices))
        _at_apply(uf, a, _at_flat_indices(arrays), arrays[0].size, b, nin, arrays[0].shape + a.shape[len(arrays):])
        return
    pos = np.arange(a.size).reshape(a.shape)[_at_index_tuple(indices)]
    _at_apply(uf, a, _at_unravelled(pos.ravel(), a.shape), pos.size, b, nin, pos.shape)


def _at_arrays(indices):
    # The index arrays of ufunc.at, as a tuple of arrays.
    if isinstance(indices, tuple):
        if len(indices) == 0:
            return ()
        return (np.asarray(indices[0]),) + _at_arrays(indices[1:])
    return (np.asarray(indices),)


def _at_index_tuple(indices):
    # A tuple index with its lists as arrays (slices and the rest as they are).
    if len(indices) == 0:
        return ()
    first = indices[0]
    if isinstance(first, list):
        return (np.asarray(first),) + _at_index_tuple(indices[1:])
    return (first,) + _at_index_tuple(indices[1:])


def _at_flat_indices(arrays):
    # Each (broadcast) index array in C order, as a tuple of 1-d arrays.
    if len(arrays) == 0:
        return ()
    return (arrays[0].ravel(),) + _at_flat_indices(arrays[1:])


def _at_unravelled(flat, shape):
    # Flat positions in an array of this shape as one 1-d index array per axis.
    out = np.empty((len(shape), flat.size), np.int64)
    for k in range(flat.size):
        p = flat[k]
        for j in range(len(shape) - 1, -1, -1):
            out[j, k] = p % shape[j]
            p = p // shape[j]
    return _at_rows(out, shape, 0)


def _at_rows(out, template, j):
    # The rows j, j + 1, ... of out as a tuple, as many as template's items.
    if len(template) == 0:
        return ()
    return (out[j],) + _at_rows(out, template[1:], j + 1)


def _at_position(flats, k):
    # The k-th selection: a tuple of one index per index array.
    if len(flats) == 0:
        return ()
    return (flats[0][k],) + _at_position(flats[1:], k)


def _at_broadcastable(b, shape):
    # NumPy's check that b broadcasts to the selection's shape, with its message.
    if _sj_is_array(b) or isinstance(b, list) or isinstance(b, tuple):
        bs = np.asarray(b)
        nd = len(shape)
        if bs.ndim > nd:
            raise ValueError("array is not broadcastable to correct shape")
        if nd > 0:
            for k in range(bs.ndim):
                d = bs.shape[k]
                if d != 1 and d != shape[nd - bs.ndim + k]:
                    raise ValueError("array is not broadcastable to correct shape")


def _at_apply(uf, a, flats, count, b, nin, shape):
    # uf applied at each of count selections in turn; b broadcast to the selections' shape (count first).
    _at_broadcastable(b, shape)
    if nin == 2 and (_sj_is_array(b) or isinstance(b, list) or isinstance(b, tuple)):
        rest = shape[len(shape) - (a.ndim - len(flats)):]
        _at_loop(uf, a, flats, count, np.broadcast_to(np.asarray(b), shape).reshape((count,) + rest), nin, True)
    else:
        _at_loop(uf, a, flats, count, b, nin, False)


def _at_loop(uf, a, flats, count, b, nin, each):
    # The selections one by one (b: one value per selection where each, else one value for all); one and two index
    # arrays are read in the loop itself.
    if len(flats) == 1:
        f0 = flats[0]
        for k in range(count):
            i = f0[k]
            if nin == 1:
                a[i] = uf(a[i])
            elif each:
                a[i] = uf(a[i], b[k])
            else:
                a[i] = uf(a[i], b)
    elif len(flats) == 2:
        f0 = flats[0]
        f1 = flats[1]
        for k in range(count):
            i = f0[k]
            j = f1[k]
            if nin == 1:
                a[i, j] = uf(a[i, j])
            elif each:
                a[i, j] = uf(a[i, j], b[k])
            else:
                a[i, j] = uf(a[i, j], b)
    else:
        for k in range(count):
            t = _at_position(flats, k)
            if nin == 1:
                a[t] = uf(a[t])
            elif each:
                a[t] = uf(a[t], b[k])
            else:
                a[t] = uf(a[t], b)


# ---------------------------------------------------------------- complex parts, angle and divmod


def _complex_dtype(z):
    # Whether z (an array or a number) is complex: NumPy's iscomplexobj. Its result is not a literal: branch on
    # _sj_is_array, isinstance and dtype comparisons themselves where only one side types.
    if _sj_is_array(z):
        return z.dtype == np.complex128 or z.dtype == np.complex64
    return isinstance(z, complex)


@overload("numpy.real")
def real(val):
    if isinstance(val, list) or isinstance(val, tuple):
        return np.asarray(val).real
    return val.real


@overload("numpy.imag")
def imag(val):
    if isinstance(val, list) or isinstance(val, tuple):
        return np.asarray(val).imag
    return val.imag


@overload("numpy.iscomplexobj")
def iscomplexobj(x):
    return _complex_dtype(x)


@overload("numpy.isrealobj")
def isrealobj(x):
    return not _complex_dtype(x)


@overload("numpy.iscomplex")
def iscomplex(x):
    # NumPy's: imag != 0 for complex input, all False otherwise (an array, or a bool for a number).
    if not _sj_is_array(x):
        return isinstance(x, complex) and x.imag != 0
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        return x.imag != 0
    return np.zeros(x.shape, np.bool_)


@overload("numpy.isreal")
def isreal(x):
    if not _sj_is_array(x):
        return not isinstance(x, complex) or x.imag == 0
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        return x.imag == 0
    return np.ones(x.shape, np.bool_)


@overload("numpy.angle")
def angle(z, deg=False):
    # NumPy's: arctan2(imag, real) for complex input, arctan2(0, z) otherwise (so ints give float64).
    if isinstance(z, complex):
        a = np.arctan2(z.imag, z.real)
    elif not _sj_is_array(z):
        a = np.arctan2(0, z)
    elif z.dtype == np.complex128 or z.dtype == np.complex64:
        # the parts copied out (contiguous), so the loop vectorises with libmvec's atan2 (over the strided views it
        # called libm once per element: 5x NumPy's time)
        a = np.arctan2(z.imag.copy(), z.real.copy())
    else:
        a = np.arctan2(0, z)
    if deg:
        a = a * (180 / np.pi)
    return a


@overload("numpy.divmod")
def np_divmod(x1, x2):
    # NumPy's divmod ufunc: floor_divide and remainder, which NumPy computes from one npy_divmod.
    return np.floor_divide(x1, x2), np.remainder(x1, x2)


@overload("numpy.outer")
def outer(a, b):
    return a.ravel()[:, None] * b.ravel()[None, :]


# ---------------------------------------------------------------- joining arrays
# A tuple of arrays may mix dtypes, dimensions and layouts: its items are read at constant positions (the first
# eight, so they may differ in type), and beyond eight in a loop (the rest share one type).


def _unsupported(message):
    # Raises TypeError for a case compiled code does not support. A call rather than a raise statement in a branch
    # decided while typing: the caller goes on being typed after it, so it keeps the return type it has elsewhere.
    raise TypeError(message)


def _tuple_dtype(t):
    # NumPy's result dtype of the arrays of t.
    n = len(t)
    if n == 1:
        return np.result_type(t[0])
    if n == 2:
        return np.result_type(t[0], t[1])
    if n == 3:
        return np.result_type(t[0], t[1], t[2])
    if n == 4:
        return np.result_type(t[0], t[1], t[2], t[3])
    if n == 5:
        return np.result_type(t[0], t[1], t[2], t[3], t[4])
    if n == 6:
        return np.result_type(t[0], t[1], t[2], t[3], t[4], t[5])
    if n == 7:
        return np.result_type(t[0], t[1], t[2], t[3], t[4], t[5], t[6])
    return np.result_type(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7])


def _as_2d(x, col, whole):
    # The 2-d form in which an array takes part in a join: a 1-d array (or with whole=True the flattened array) as one
    # row, or one column with col=True; a 2-d array as it is.
    if whole:
        if col:
            return x.ravel()[:, None]
        return x.ravel()[None, :]
    if x.ndim == 1:
        if col:
            return x[:, None]
        return x[None, :]
    return x


def _join_one(x, k, first, out, at, axis, col, whole, nd, strict, fill):
    # One item of a join: checks it against the first (fill=False) or copies it into out at offset `at` along axis
    # (fill=True); returns the offset after it.
    if x.ndim > 2:
        _unsupported("joining arrays of more than two dimensions is not supported in compiled code")
        return at
    if strict and not fill and x.ndim != nd:
        raise ValueError(f"all the input arrays must have same number of dimensions, but the array at index 0 has {nd} dimension(s) and the array at index {k} has {x.ndim} dimension(s)")
    y = _as_2d(x, col, whole)
    if fill:
        if axis == 0:
            out[at:at + y.shape[0], :] = y
        else:
            out[:, at:at + y.shape[1]] = y
    else:
        o = 1 - axis
        if y.shape[o] != first.shape[o]:
            raise ValueError(f"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {o}, the array at index 0 has size {first.shape[o]} and the array at index {k} has size {y.shape[o]}")
    return at + y.shape[axis]


def _join_all(t, first, out, axis, col, whole, strict, fill):
    n = len(t)
    nd = t[0].ndim
    at = _join_one(t[0], 0, first, out, 0, axis, col, whole, nd, strict, fill)
    if n > 1:
        at = _join_one(t[1], 1, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 2:
        at = _join_one(t[2], 2, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 3:
        at = _join_one(t[3], 3, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 4:
        at = _join_one(t[4], 4, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 5:
        at = _join_one(t[5], 5, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 6:
        at = _join_one(t[6], 6, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 7:
        at = _join_one(t[7], 7, first, out, at, axis, col, whole, nd, strict, fill)
    if n > 8:
        for k in range(8, n):
            at = _join_one(t[k], k, first, out, at, axis, col, whole, nd, strict, fill)
    return at


def _join(t, axis, col, whole, strict):
    # The arrays of t joined along axis (0 or 1) of their 2-d forms (see _as_2d): a new 2-d array. strict: their
    # numbers of dimensions must agree (np.concatenate), else they may differ (np.vstack of 1-d and 2-d arrays).
    # np.stack of 2-d arrays joins them flattened: as rows (axis 0), side by side (axis 1) or as columns (axis 2).
    if len(t) == 0:
        raise ValueError("need at least one array to concatenate")
    first = _as_2d(t[0], col, whole)
    total = _join_all(t, first, None, axis, col, whole, strict, False)
    if axis == 0:
        out = np.empty((total, first.shape[1]), _tuple_dtype(t))
    else:
        out = np.empty((first.shape[0], total), _tuple_dtype(t))
    _join_all(t, first, out, axis, col, whole, strict, True)
    return out


def _axis_index(axis, ndim, name):
    # A possibly negative axis as an index, or NumPy's AxisError.
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"{name}axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


def _arrays_of(t):
    # The items of a tuple to join as arrays: NumPy takes lists and numbers there too (np.concatenate(([1], d))).
    # Arrays pass through as they are; a list of arrays is left alone.
    if not isinstance(t, tuple):
        return t
    n = len(t)
    if n == 1:
        return (np.asarray(t[0]),)
    if n == 2:
        return (np.asarray(t[0]), np.asarray(t[1]))
    if n == 3:
        return (np.asarray(t[0]), np.asarray(t[1]), np.asarray(t[2]))
    if n == 4:
        return (np.asarray(t[0]), np.asarray(t[1]), np.asarray(t[2]), np.asarray(t[3]))
    return t


@overload("numpy.concatenate")
def concatenate(arrays, axis=0):
    arrays = _arrays_of(arrays)
    if len(arrays) == 0:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        return _join(arrays, 1, False, True, False).reshape(-1)
    nd = arrays[0].ndim
    if nd == 1:
        _axis_index(axis, 1, "")
        return _join(arrays, 1, False, False, True).reshape(-1)
    if nd == 2:
        return _join(arrays, _axis_index(axis, 2, ""), False, False, True)
    return _concatenate_nd(arrays, _axis_index(axis, nd, ""))


def _concatenate_nd_one(x, k, first, out, at, ax, fill):
    # One item of a join of arrays of three or more dimensions along ax: checked against the first (moved so that
    # ax is its first axis), or copied into out (the result with ax moved first) at offset at.
    if x.ndim != first.ndim:
        raise ValueError(f"all the input arrays must have same number of dimensions, but the array at index 0 has {first.ndim} dimension(s) and the array at index {k} has {x.ndim} dimension(s)")
    y = _sj_swapaxes(x, 0, ax)
    if fill:
        out[at:at + y.shape[0]] = y
    else:
        for d in range(x.ndim):
            if d != ax and x.shape[d] != _sj_swapaxes(first, 0, ax).shape[d]:
                raise ValueError(f"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {_sj_swapaxes(first, 0, ax).shape[d]} and the array at index {k} has size {x.shape[d]}")
    return at + y.shape[0]


def _concatenate_nd_all(t, first, out, ax, fill):
    n = len(t)
    at = _concatenate_nd_one(t[0], 0, first, out, 0, ax, fill)
    if n > 1:
        at = _concatenate_nd_one(t[1], 1, first, out, at, ax, fill)
    if n > 2:
        at = _concatenate_nd_one(t[2], 2, first, out, at, ax, fill)
    if n > 3:
        at = _concatenate_nd_one(t[3], 3, first, out, at, ax, fill)
    if n > 4:
        at = _concatenate_nd_one(t[4], 4, first, out, at, ax, fill)
    if n > 5:
        at = _concatenate_nd_one(t[5], 5, first, out, at, ax, fill)
    if n > 6:
        at = _concatenate_nd_one(t[6], 6, first, out, at, ax, fill)
    if n > 7:
        at = _concatenate_nd_one(t[7], 7, first, out, at, ax, fill)
    if n > 8:
        for k in range(8, n):
            at = _concatenate_nd_one(t[k], k, first, out, at, ax, fill)
    return at


def _concatenate_nd(t, ax):
    # Arrays of three or more dimensions joined along ax: the axis moved first in the result and in each item.
    first = _sj_swapaxes(t[0], 0, ax)
    total = _concatenate_nd_all(t, first, None, ax, False)
    if first.ndim == 3:
        out = np.empty((total, first.shape[1], first.shape[2]), _tuple_dtype(t))
    elif first.ndim == 4:
        out = np.empty((total, first.shape[1], first.shape[2], first.shape[3]), _tuple_dtype(t))
    else:
        raise TypeError("np.concatenate() of arrays of more than four dimensions is not supported in compiled code")
    _concatenate_nd_all(t, first, out, ax, True)
    return _sj_swapaxes(out, 0, ax).copy()


@overload("numpy.hstack")
def hstack(tup):
    tup = _arrays_of(tup)
    if len(tup) == 0:
        raise ValueError("need at least one array to concatenate")
    if tup[0].ndim == 1:
        return _join(tup, 1, False, False, True).reshape(-1)
    if tup[0].ndim > 2:
        return _concatenate_nd(tup, 1)   # NumPy: concatenate along axis 1
    return _join(tup, 1, False, False, True)


@overload("numpy.vstack")
def vstack(tup):
    tup = _arrays_of(tup)
    if len(tup) > 0:
        if tup[0].ndim > 2:
            return _concatenate_nd(tup, 0)   # NumPy: concatenate along axis 0 (arrays of 2 or more dimensions as they are)
    return _join(tup, 0, False, False, False)


@overload("numpy.row_stack")
def row_stack(tup):
    # NumPy's other name for vstack
    return vstack(tup)


@overload("numpy.column_stack")
def column_stack(tup):
    tup = _arrays_of(tup)
    return _join(tup, 1, True, False, False)


def _same_shape(x, first):
    if x.ndim != first.ndim:
        raise ValueError("all input arrays must have the same shape")
    for d in range(x.ndim):
        if x.shape[d] != first.shape[d]:
            raise ValueError("all input arrays must have the same shape")


@overload("numpy.stack")
def stack(arrays, axis=0):
    arrays = _arrays_of(arrays)
    n = len(arrays)
    if n == 0:
        raise ValueError("need at least one array to stack")
    first = arrays[0]
    if n > 1:
        _same_shape(arrays[1], first)
    if n > 2:
        _same_shape(arrays[2], first)
    if n > 3:
        _same_shape(arrays[3], first)
    if n > 4:
        _same_shape(arrays[4], first)
    if n > 5:
        _same_shape(arrays[5], first)
    if n > 6:
        _same_shape(arrays[6], first)
    if n > 7:
        _same_shape(arrays[7], first)
    if n > 8:
        for k in range(8, n):
            _same_shape(arrays[k], first)
    if first.ndim == 1:
        if _axis_index(axis, 2, "") == 0:
            return _join(arrays, 0, False, False, False)
        return _join(arrays, 1, True, False, False)
    if first.ndim == 3:
        return _stack_3d(arrays, _axis_index(axis, 4, ""))
    if first.ndim > 3:
        raise TypeError("np.stack() of arrays of more than three dimensions is not supported in compiled code")
    rows = first.shape[0]
    cols = first.shape[1]
    ax = _axis_index(axis, 3, "")
    if ax == 0:
        return _join(arrays, 0, False, True, False).reshape((n, rows, cols))
    if ax == 1:
        return _join(arrays, 1, False, False, False).reshape((rows, n, cols))
    return _join(arrays, 1, True, True, False).reshape((rows, cols, n))


def _stack_3d_one(x, k, out, pre, post):
    out[:, k, :] = x.copy().reshape((pre, post))


def _stack_3d(t, ax):
    # 3-d arrays (of one shape, checked) stacked along ax of the 4-d result: written as (before ax, item, after ax).
    n = len(t)
    first = t[0]
    pre = 1
    post = 1
    for p in range(3):
        if p < ax:
            pre *= first.shape[p]
        else:
            post *= first.shape[p]
    out = np.empty((pre, n, post), _tuple_dtype(t))
    _stack_3d_one(t[0], 0, out, pre, post)
    if n > 1:
        _stack_3d_one(t[1], 1, out, pre, post)
    if n > 2:
        _stack_3d_one(t[2], 2, out, pre, post)
    if n > 3:
        _stack_3d_one(t[3], 3, out, pre, post)
    if n > 4:
        _stack_3d_one(t[4], 4, out, pre, post)
    if n > 5:
        _stack_3d_one(t[5], 5, out, pre, post)
    if n > 6:
        _stack_3d_one(t[6], 6, out, pre, post)
    if n > 7:
        _stack_3d_one(t[7], 7, out, pre, post)
    if n > 8:
        for k in range(8, n):
            _stack_3d_one(t[k], k, out, pre, post)
    s0 = first.shape[0]
    s1 = first.shape[1]
    s2 = first.shape[2]
    if ax == 0:
        return out.reshape((n, s0, s1, s2))
    if ax == 1:
        return out.reshape((s0, n, s1, s2))
    if ax == 2:
        return out.reshape((s0, s1, n, s2))
    return out.reshape((s0, s1, s2, n))


# ---------------------------------------------------------------- repeating arrays


def _tile(A, r0, r1, two):
    # A (1-d as one row) repeated r0 times down and r1 times across; two: the result has two dimensions even for 1-d A.
    if A.ndim > 2:
        raise TypeError("np.tile() of arrays of more than two dimensions is not supported in compiled code")
    if r0 < 0 or r1 < 0:
        raise ValueError("negative dimensions are not allowed")
    if A.ndim == 1:
        a = A[None, :]
    else:
        a = A
    m = a.shape[0]
    n = a.shape[1]
    out = np.empty((m * r0, n * r1), A.dtype)
    if n >= _ROW_COPY_MIN:
        _tile_rows(a, out, r0, r1)
    else:
        for i in range(r0):
            for j in range(r1):
                out[i * m:(i + 1) * m, j * n:(j + 1) * n] = a
    if A.ndim == 1:
        if not two:
            return out.reshape(n * r1)
    return out


def _tile_rows(a, out, r0, r1):
    # out (C-contiguous, r0 * m by r1 * n) written in order, each of a's rows copied r1 times across it: block by
    # block writes (out[i * m:(i + 1) * m, j * n:(j + 1) * n] = a) visited every output row once per block.
    m = a.shape[0]
    n = a.shape[1]
    src = np.ascontiguousarray(a).reshape(m * n)
    dst = out.reshape(out.shape[0] * out.shape[1])
    o = 0
    for i in range(r0):
        for row in range(m):
            s = row * n
            for j in range(r1):
                _copy_run(dst, o, src, s, n)
                o += n


def _tile_axis(a, r, ax):
    # a repeated r times along axis ax, in C order (the axis moved first in views, then whole blocks copied).
    t = _sj_swapaxes(a, 0, ax)
    m = t.shape[0]
    out = np.empty((m * r,) + t.shape[1:], a.dtype)
    for j in range(r):
        out[j * m:(j + 1) * m] = t
    return _sj_swapaxes(out, 0, ax).copy()


def _tile_nd(A, reps):
    # A of three or more dimensions, reps a tuple for its last len(reps) axes (NumPy puts 1 for the others).
    for i in range(len(reps)):
        if reps[i] < 0:
            raise ValueError("negative dimensions are not allowed")
    a = A.copy()
    skip = A.ndim - len(reps)
    for i in range(len(reps)):
        a = _tile_axis(a, reps[i], skip + i)
    return a


def _with_leading_axes(A, reps):
    # A (a copy, C-contiguous) with axes of length 1 in front, one for each repetition beyond its axes, as np.tile does.
    a = A.copy()
    if len(reps) == A.ndim + 1:
        return a.reshape((1,) + A.shape)
    if len(reps) == A.ndim + 2:
        return a.reshape((1, 1) + A.shape)
    if len(reps) == A.ndim + 3:
        return a.reshape((1, 1, 1) + A.shape)
    _unsupported("np.tile() with more than three repetitions beyond the array's axes is not supported in compiled code")
    return a.reshape((1, 1, 1) + A.shape)


@overload("numpy.tile")
def tile(A, reps):
    if not _sj_is_array(A):
        return _tile_array(np.array(A), reps)   # a number: NumPy tiles it as a 0-d array
    return _tile_array(A, reps)


def _tile_array(A, reps):
    if isinstance(reps, tuple):
        if len(reps) > A.ndim and len(reps) > 2:
            return _tile_nd(_with_leading_axes(A, reps), reps)
    if A.ndim > 2:
        if not isinstance(reps, tuple):
            return _tile_nd(A, (reps,))
        return _tile_nd(A, reps)
    if isinstance(reps, tuple):
        if len(reps) == 1:
            return _tile(A, 1, reps[0], False)
        if len(reps) == 2:
            return _tile(A, reps[0], reps[1], True)
    return _tile(A, 1, reps, False)


def _repeat_counts(repeats, n):
    # The counts for each of n items: a 1-d int array or list of n counts, or of one count for all; NumPy's errors.
    counts = np.array(repeats)
    if counts.ndim != 1:
        _unsupported("np.repeat() takes an int or a 1-d sequence of repeats in compiled code")
    if counts.shape[0] != n and counts.shape[0] != 1:
        raise ValueError(f"operands could not be broadcast together with shape ({n},) ({counts.shape[0]},)")
    for i in range(counts.shape[0]):
        if counts[i] < 0:
            raise ValueError("repeats may not contain negative values.")
    if counts.shape[0] == 1:
        return np.full(n, counts[0], np.int64)
    return counts.astype(np.int64)


def _repeat_each(a, repeats, axis):
    # np.repeat with a count per item (along axis of a 2-d array, or of the flattened array).
    if axis is None or a.ndim == 1:
        if not (axis is None):
            _axis_index(axis, 1, "")
        flat = a.ravel()
        counts = _repeat_counts(repeats, flat.shape[0])
        out = np.empty(counts.sum(), a.dtype)
        k = 0
        for i in range(flat.shape[0]):
            for j in range(counts[i]):
                out[k] = flat[i]
                k += 1
        return out
    if a.ndim > 2:
        ax = _axis_index(axis, a.ndim, "")
        counts = _repeat_counts(repeats, a.shape[ax])
        return _repeat_along(a, counts, counts.sum(), ax)
    ax = _axis_index(axis, 2, "")
    counts = _repeat_counts(repeats, a.shape[ax])
    total = counts.sum()
    if ax == 0:
        return _repeat_rows(a, counts, 0, total)
    out = np.empty((a.shape[0], total), a.dtype)
    k = 0
    for i in range(a.shape[1]):
        for j in range(counts[i]):
            out[:, k] = a[:, i]
            k += 1
    return out


# Rows shorter than this repeat (np.repeat, np.tile) faster as strided copies, one per repetition (rows of 8-15
# items copied whole with the element loop inline: 0.8-1.0x NumPy's time, 1.2-1.5x as strided copies).
_ROW_COPY_MIN = 8
# Rows this long copy faster with memmove (a slice assignment) than with an element loop.
_ROW_MEMCPY_MIN = 4096


def _copy_run(dst, o, src, s, n):
    # dst[o:o + n] = src[s:s + n] of 1-d C-contiguous arrays: memmove for a long run, else an element loop (which
    # vectorises, without a slice's overhead).
    if n >= _ROW_MEMCPY_MIN:
        dst[o:o + n] = src[s:s + n]
    else:
        for q in range(n):
            dst[o + q] = src[s + q]


def _repeat_rows(a, counts, repeats, total):
    # The rows of the 2-d array a, row i counts[i] times (repeats times when counts is None), each copy a run of C-order
    # memory written in order: strided row copies (out[j::repeats, :] = a) were 1.7x NumPy's time on 1000 x 1000 and
    # 3.8x on 20000 x 50.
    m = a.shape[0]
    n = a.shape[1]
    src = np.ascontiguousarray(a).reshape(m * n)
    out = np.empty((total, n), a.dtype)
    dst = out.reshape(total * n)
    o = 0
    for i in range(m):
        r = repeats
        if not (counts is None):
            r = counts[i]
        s = i * n
        # the copy loop inline, not through _copy_run: its call per row cost a third more on rows of 8-16 items
        if n >= _ROW_MEMCPY_MIN:
            for j in range(r):
                dst[o:o + n] = src[s:s + n]
                o += n
        else:
            for j in range(r):
                for q in range(n):
                    dst[o + q] = src[s + q]
                o += n
    return out


def _repeat_along(a, counts, total, ax):
    # Item i along axis ax counts[i] times, in C order (the axis moved first in views, whole slices copied).
    t = _sj_swapaxes(a, 0, ax)
    out = np.empty((total,) + t.shape[1:], a.dtype)
    k = 0
    for i in range(t.shape[0]):
        for j in range(counts[i]):
            out[k] = t[i]
            k += 1
    return _sj_swapaxes(out, 0, ax).copy()


@overload("numpy.repeat")
def repeat(a, repeats, axis=None):
    if not isinstance(repeats, int):
        return _repeat_each(a, repeats, axis)
    if repeats < 0:
        raise ValueError("negative dimensions are not allowed")
    if axis is None or a.ndim == 1:
        if not (axis is None):
            _axis_index(axis, 1, "")
        flat = a.ravel()
        out = np.empty(flat.shape[0] * repeats, a.dtype)
        for j in range(repeats):
            out[j::repeats] = flat
        return out
    if a.ndim > 2:
        ax = _axis_index(axis, a.ndim, "")
        return _repeat_along(a, np.full(a.shape[ax], repeats, np.int64), a.shape[ax] * repeats, ax)
    m = a.shape[0]
    n = a.shape[1]
    if _axis_index(axis, 2, "") == 0:
        if n >= _ROW_COPY_MIN:
            return _repeat_rows(a, None, repeats, m * repeats)
        out = np.empty((m * repeats, n), a.dtype)
        for j in range(repeats):
            out[j::repeats, :] = a
        return out
    out = np.empty((m, n * repeats), a.dtype)
    for j in range(repeats):
        out[:, j::repeats] = a
    return out


# ---------------------------------------------------------------- diagonals and triangles


@overload("numpy.diag")
def diag(v, k=0):
    if v.ndim == 1:
        n = v.shape[0]
        size = n + abs(k)
        out = np.zeros((size, size), v.dtype)
        if k >= 0:
            for i in range(n):
                out[i, i + k] = v[i]
        else:
            for i in range(n):
                out[i - k, i] = v[i]
        return out
    if v.ndim == 2:
        return _diagonal(v, k)
    raise ValueError("Input must be 1- or 2-d.")


def _diagonal(v, k):
    rows = v.shape[0]
    cols = v.shape[1]
    if k >= 0:
        n = min(rows, cols - k)
    else:
        n = min(rows + k, cols)
    if n < 0:
        n = 0
    out = np.empty(n, v.dtype)
    if k >= 0:
        for i in range(n):
            out[i] = v[i, i + k]
    else:
        for i in range(n):
            out[i] = v[i - k, i]
    return out


def _tri_mask(N, M, k):
    return np.arange(N)[:, None] + k >= np.arange(M)[None, :]


@overload("numpy.tri")
def tri(N, M=None, k=0, dtype=None):
    if M is None:
        mask = _tri_mask(N, N, k)
    else:
        mask = _tri_mask(N, M, k)
    if dtype is None:
        return mask.astype(np.float64)
    return mask.astype(dtype)


def _last_two(m):
    # The shape np.tril/np.triu see: a 1-d array is the row of an n x n matrix; of more dimensions, the last two
    # (the mask broadcasts over the others, as in NumPy).
    if m.ndim > 2:
        return m.shape[m.ndim - 2], m.shape[m.ndim - 1]
    if m.ndim == 1:
        return m.shape[0], m.shape[0]
    return m.shape[0], m.shape[1]


@overload("numpy.tril")
def tril(m, k=0):
    rows, cols = _last_two(m)
    return np.where(_tri_mask(rows, cols, k), m, np.zeros(1, m.dtype))


@overload("numpy.triu")
def triu(m, k=0):
    rows, cols = _last_two(m)
    return np.where(_tri_mask(rows, cols, k - 1), np.zeros(1, m.dtype), m)


# ---------------------------------------------------------------- grids, axes, vectors


@overload("numpy.meshgrid")
def meshgrid(*xi, indexing="xy"):
    if indexing != "xy" and indexing != "ij":
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    n = len(xi)
    if n == 1:
        return (xi[0].ravel().copy(),)
    if n == 2:
        x = xi[0].ravel()
        y = xi[1].ravel()
        if indexing == "xy":
            X = np.empty((y.shape[0], x.shape[0]), x.dtype)
            Y = np.empty((y.shape[0], x.shape[0]), y.dtype)
            X[:, :] = x[None, :]
            Y[:, :] = y[:, None]
        else:
            X = np.empty((x.shape[0], y.shape[0]), x.dtype)
            Y = np.empty((x.shape[0], y.shape[0]), y.dtype)
            X[:, :] = x[:, None]
            Y[:, :] = y[None, :]
        return X, Y
    if n == 3:
        x = xi[0].ravel()
        y = xi[1].ravel()
        z = xi[2].ravel()
        if indexing == "xy":
            shape = (y.shape[0], x.shape[0], z.shape[0])
            X = np.empty(shape, x.dtype)
            Y = np.empty(shape, y.dtype)
            Z = np.empty(shape, z.dtype)
            X[:, :, :] = x[None, :, None]
            Y[:, :, :] = y[:, None, None]
        else:
            shape = (x.shape[0], y.shape[0], z.shape[0])
            X = np.empty(shape, x.dtype)
            Y = np.empty(shape, y.dtype)
            Z = np.empty(shape, z.dtype)
            X[:, :, :] = x[:, None, None]
            Y[:, :, :] = y[None, :, None]
        Z[:, :, :] = z[None, None, :]
        return X, Y, Z
    raise TypeError("np.meshgrid() takes one, two or three arrays in compiled code")


@overload("numpy.transpose")
def transpose(a, axes=None):
    if axes is None:
        return a.T
    return _transpose_axes(a, axes)


def _transpose_axes(a, axes):
    # A view with axis axes[k] of a at position k, made by exchanging two axes at a time (the view's type stays
    # the same: an any-layout view of a's dtype and dimensions).
    n = a.ndim
    if len(axes) != n:
        raise ValueError("axes don't match array")
    perm = [0] * n
    seen = [False] * n
    for k in range(n):
        ax = axes[k]
        if ax < -n or ax >= n:
            raise np.AxisError(f"axis {ax} is out of bounds for array of dimension {n}")
        if ax < 0:
            ax += n
        if seen[ax]:
            raise ValueError("repeated axis in transpose")
        seen[ax] = True
        perm[k] = ax
    v = _sj_swapaxes(a, 0, 0)
    order = list(range(n))   # order[k]: the axis of a at position k of v
    for k in range(n):
        j = k
        while order[j] != perm[k]:
            j += 1
        if j != k:
            v = _sj_swapaxes(v, k, j)
            order[k], order[j] = order[j], order[k]
    return v


@overload("numpy.swapaxes")
def swapaxes(a, axis1, axis2):
    i = _axis_index(axis1, a.ndim, "axis1: ")
    j = _axis_index(axis2, a.ndim, "axis2: ")
    return _sj_swapaxes(a, i, j)


@overload("numpy.cross")
def cross(a, b):
    if a.ndim > 2 or b.ndim > 2:
        raise TypeError("np.cross() of arrays of more than two dimensions is not supported in compiled code")
    na = a.shape[a.ndim - 1]
    nb = b.shape[b.ndim - 1]
    if na != 2 and na != 3 or nb != 2 and nb != 3:
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    if na == 2 and nb == 2:
        # NumPy gives the z component alone, an array of one dimension fewer: a type known only at run time here.
        raise TypeError("np.cross() of two 2-vectors is not supported in compiled code (NumPy returns the z component)")
    dt = np.result_type(a, b)
    if a.ndim == 1 and b.ndim == 1:
        out = np.empty(3, dt)
    elif b.ndim == 1:
        out = np.empty((a.shape[0], 3), dt)
    else:
        out = np.empty((b.shape[0], 3), dt)
    if na == 2:
        # A 2-vector's z is 0: NumPy computes the remaining products only.
        out[..., 0:1] = a[..., 1:2] * b[..., 2:3]
        out[..., 1:2] = -(a[..., 0:1] * b[..., 2:3])
    elif nb == 2:
        out[..., 0:1] = -(a[..., 2:3] * b[..., 1:2])
        out[..., 1:2] = a[..., 2:3] * b[..., 0:1]
    else:
        out[..., 0:1] = a[..., 1:2] * b[..., 2:3] - a[..., 2:3] * b[..., 1:2]
        out[..., 1:2] = a[..., 2:3] * b[..., 0:1] - a[..., 0:1] * b[..., 2:3]
    out[..., 2:3] = a[..., 0:1] * b[..., 1:2] - a[..., 1:2] * b[..., 0:1]
    return out


@overload("numpy.linalg.norm")
def norm(x, ord=None, axis=None, keepdims=None):
    # keepdims chooses the result's type, so it is a literal: the default (None here, False in NumPy) goes on as False.
    if isinstance(x, list) or isinstance(x, tuple):
        return norm(np.asarray(x), ord, axis, keepdims)
    if keepdims is None:
        return _norm(x, ord, axis, False)
    return _norm(x, ord, axis, keepdims)


def _norm(x, ord, axis, keepdims):
    # NumPy 1.24's np.linalg.norm. Integers and bools are taken as float64, float32 and complex64 in single precision;
    # sums add in NumPy's order, which follows the array's memory order (a 2-d F-ordered array is reduced as its
    # C-ordered transpose).
    if x.dtype == np.float64 or x.dtype == np.float32 or x.dtype == np.complex128 or x.dtype == np.complex64:
        y = x
    else:
        y = x.astype(np.result_type(x, 0.0))
    if axis is None:
        if ord is None:
            return _norm_dot(x, y, keepdims)
        if isinstance(ord, str):
            if (ord == "fro" or ord == "f") and x.ndim == 2:
                return _norm_dot(x, y, keepdims)
        elif x.ndim == 1:
            if ord == 2:
                return _norm_dot(x, y, keepdims)
        if x.ndim == 1:
            return _vector_norm(x, y, ord, 0, keepdims)
        if x.ndim == 2:
            return _matrix_norm_axes(x, y, ord, 0, 1, keepdims)
        raise ValueError("Improper number of dimensions to norm.")
    if isinstance(axis, tuple):
        if len(axis) == 1:
            return _vector_norm(x, y, ord, _axis_index(axis[0], x.ndim, ""), keepdims)
        if len(axis) != 2:
            raise ValueError("Improper number of dimensions to norm.")
        if x.ndim > 2:
            _sj_reject("np.linalg.norm() of the matrices of an array of more than two dimensions (a 2-tuple axis) is not supported in compiled code", x)
        if x.ndim == 1:
            _axis_index(axis[0], 1, "")
            _axis_index(axis[1], 1, "")
            raise ValueError("Duplicate axes given.")
        return _matrix_norm_axes(x, y, ord, axis[0], axis[1], keepdims)
    return _vector_norm(x, y, ord, _axis_index(axis, x.ndim, ""), keepdims)


def _f_ordered(rows, cols, row_stride, col_stride):
    # Whether NumPy reduces a matrix of this shape and strides column by column (its lines along axis 0 lie in memory).
    return cols == 1 or rows > 1 and row_stride < col_stride


def _norm_keepdims(r, ndim, y):
    # The norm r of the whole array as an array of ndim axes of length 1, in y's real dtype.
    out = np.full(1, r, y.real.dtype)
    if ndim == 0:
        return out.reshape(())
    if ndim == 1:
        return out
    if ndim == 2:
        return out.reshape((1, 1))
    if ndim == 3:
        return out.reshape((1, 1, 1))
    if ndim > 4:
        _sj_reject("np.linalg.norm(keepdims=True) of an array of more than four dimensions is not supported in compiled code", y)
    return out.reshape((1, 1, 1, 1))


def _norm_dot(x, y, keepdims):
    # NumPy: sqrt(x.dot(x)) of the array flattened in memory order (the real parts' dot plus the imaginary parts' for
    # complex arrays), which the reference BLAS sums in order.
    if x.ndim == 2 and _f_ordered(x.shape[0], x.shape[1], x.strides[0], x.strides[1]):
        flat = y.T.ravel()
    else:
        flat = y.ravel()
    if y.dtype == np.complex128 or y.dtype == np.complex64:
        r = np.sqrt(_self_dot(flat.real) + _self_dot(flat.imag))
    else:
        r = np.sqrt(_self_dot(flat))
    if keepdims:
        return _norm_keepdims(r, x.ndim, y)
    return r


def _self_dot(v):
    # The reference BLAS's dot of the 1-d v with itself: the products added in order from zero, in v's dtype. (Items
    # of v, not .real of a number, which would be a float64.)
    s = np.zeros(1, v.dtype)[0]
    for i in range(v.shape[0]):
        s += v[i] * v[i]
    return s


def _vector_norm(x, y, ord, ax, keepdims):
    if x.ndim == 2 and _f_ordered(x.shape[0], x.shape[1], x.strides[0], x.strides[1]):
        r = _vector_norm_along(y.T, ord, 1 - ax, keepdims)
        if keepdims:
            return r.T
        return r
    return _vector_norm_along(y, ord, ax, keepdims)


def _vector_norm_along(v, ord, ax, keepdims):
    # NumPy's vector norms of the inexact array v along ax, operation by operation.
    if isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    if ord is None:
        return np.sqrt(_reduce_axis(_abs_squares(v), ax, keepdims, "sum"))
    if ord == np.inf:
        return _reduce_axis(np.abs(v), ax, keepdims, "max")
    if ord == -np.inf:
        return _reduce_axis(np.abs(v), ax, keepdims, "min")
    if ord == 0:
        return _reduce_axis((v != 0).astype(v.real.dtype), ax, keepdims, "sum")
    if ord == 1:
        return _reduce_axis(np.abs(v), ax, keepdims, "sum")
    if ord == 2:
        return np.sqrt(_reduce_axis(_abs_squares(v), ax, keepdims, "sum"))
    total = _reduce_axis(_inexact_power(np.abs(v), ord), ax, keepdims, "sum")
    # NumPy raises it to reciprocal(ord, dtype=total.dtype): a number's power (no fast paths) for a 1-d v
    if v.dtype == np.float32 or v.dtype == np.complex64:
        inverse = np.float32(1.0) / np.float32(ord)
    else:
        inverse = 1.0 / ord
    if v.ndim == 1 and not keepdims:
        return total ** inverse
    return _inexact_power(total, inverse)


def _abs_squares(v):
    # (v.conj() * v).real, in v's precision
    if v.dtype == np.complex128 or v.dtype == np.complex64:
        re = v.real
        im = v.imag
        return re * re + im * im
    return v * v


def _inexact_power(a, p):
    # NumPy's a ** p of a float array and a number: its fast paths (np.square, sqrt, reciprocal, ones_like, positive)
    # for p 2, 0.5, -1, 0 and 1, np.power otherwise.
    if p == 2.0:
        return a * a
    if p == 0.5:
        return np.sqrt(a)
    if p == -1.0:
        return np.reciprocal(a)
    if p == 0.0:
        return np.ones_like(a)
    if p == 1.0:
        return a.copy()
    return np.power(a, p)


def _reduce_axis(a, ax, keepdims, op):
    # a.sum/max/min along the run-time axis ax: NumPy's order of operations needs a constant axis, one branch each.
    if a.ndim > 4:
        _sj_reject("np.linalg.norm() along an axis of an array of more than four dimensions is not supported in compiled code", a)
    if ax == 0 or a.ndim == 1:
        if op == "max":
            return a.max(axis=0, keepdims=keepdims)
        if op == "min":
            return a.min(axis=0, keepdims=keepdims)
        return a.sum(axis=0, keepdims=keepdims)
    if ax == 1 or a.ndim == 2:
        if op == "max":
            return a.max(axis=1, keepdims=keepdims)
        if op == "min":
            return a.min(axis=1, keepdims=keepdims)
        return a.sum(axis=1, keepdims=keepdims)
    if ax == 2 or a.ndim == 3:
        if op == "max":
            return a.max(axis=2, keepdims=keepdims)
        if op == "min":
            return a.min(axis=2, keepdims=keepdims)
        return a.sum(axis=2, keepdims=keepdims)
    if op == "max":
        return a.max(axis=3, keepdims=keepdims)
    if op == "min":
        return a.min(axis=3, keepdims=keepdims)
    return a.sum(axis=3, keepdims=keepdims)


def _matrix_norm_axes(x, y, ord, row_axis, col_axis, keepdims):
    # NumPy's matrix norms of the 2-d x (y: its inexact copy) with rows along row_axis and columns along col_axis.
    row = _axis_index(row_axis, 2, "")
    col = _axis_index(col_axis, 2, "")
    if row == col:
        raise ValueError("Duplicate axes given.")
    if row == 0:
        m = y
        f_order = _f_ordered(x.shape[0], x.shape[1], x.strides[0], x.strides[1])
    else:
        m = y.T
        f_order = _f_ordered(x.shape[1], x.shape[0], x.strides[1], x.strides[0])
    if ord is None:
        r = _matrix_norm(m, "fro", f_order)
    elif isinstance(ord, str):
        if ord != "fro" and ord != "f" and ord != "nuc":
            raise ValueError("Invalid norm order for matrices.")
        r = _matrix_norm(m, ord, f_order)
    elif ord == 2:
        r = _svd(m, False, False, False).max()
    elif ord == -2:
        r = _svd(m, False, False, False).min()
    elif ord == 1 or ord == -1 or ord == np.inf or ord == -np.inf:
        r = _matrix_norm(m, ord, f_order)
    else:
        raise ValueError("Invalid norm order for matrices.")
    if keepdims:
        return _norm_keepdims(r, 2, y)
    return r


# ---------------------------------------------------------------- np.array of a list


def _array_from_list(lst, dtype):
    # np.array(list): a list of numbers is a 1-d array; a list of arrays, tuples or lists is their stack, which must
    # be of one shape. dtype: the items' (Arrays.Routines.cs) or the one asked for.
    n = len(lst)
    if _sj_holds_numbers(lst):
        out = np.empty(n, dtype)
        for i in range(n):
            out[i] = lst[i]
        return out
    items = [_list_item_array(x, dtype) for x in lst]
    if n == 0:
        raise ValueError("np.array() of an empty list of sequences is not supported in compiled code")
    first = items[0]
    for k in range(1, n):
        x = items[k]
        for d in range(first.ndim):
            if x.shape[d] != first.shape[d]:
                shape = str(n)
                for j in range(d):
                    shape += ", " + str(first.shape[j])
                if d == 0:
                    shape += ","
                raise ValueError(f"setting an array element with a sequence. The requested array has an inhomogeneous shape after {d + 1} dimensions. The detected shape was ({shape}) + inhomogeneous part.")
    return np.stack(items)


def _list_item_array(x, dtype):
    if isinstance(x, list):
        return _array_from_list(x, dtype)
    if isinstance(x, tuple):
        return np.array(x, dtype)
    return x.astype(dtype)


# ---------------------------------------------------------------- an integer array indexing a later axis


def _check_axis_index(idx, n, named):
    # NumPy's IndexError for an entry of idx outside an axis of size n (named: the axis in the indexed array).
    for i in range(idx.shape[0]):
        j = idx[i]
        if j >= n or j < -n:
            raise IndexError(f"index {j} is out of bounds for axis {named} with size {n}")


def _array_from_range(r, dtype):
    # np.array(range(...)) (Arrays.Routines.cs): the range's values in an array of dtype (int64 unless asked)
    out = np.empty(len(r), dtype)
    i = 0
    for v in r:
        out[i] = v
        i += 1
    return out


def _array_contains(a, x):
    # x in a (Arrays.cs): NumPy's (a == x).any()
    return (a == x).any()


def _array_of(items):
    # A list in an index (Arrays.cs IndexInDisguise: int64 positions or a boolean mask), or a tuple or list of numbers
    # where NumPy takes an array (ArrayLikeArguments): the array NumPy makes of it.
    return np.array(items)


def _axis_positions(idx, n, named):
    # An index array on one axis of size n as positions: a boolean mask as the positions of its True entries (NumPy's
    # nonzero(), after its IndexError for a mask of another length), integers checked against the axis.
    if idx.dtype == np.bool_:
        if idx.shape[0] != n:
            raise IndexError(f"boolean index did not match indexed array along dimension {named}; dimension is {n} but "
                             f"corresponding boolean dimension is {idx.shape[0]}")
        return np.flatnonzero(idx)
    _check_axis_index(idx, n, named)
    return idx


def _take_axis(a, idx, axis, named):
    # a[:, ..., idx] with idx at position axis (Arrays.Fancy.cs: a is the view the other slices and integers make;
    # named: the array's axis in the indexed array): a copy of the entries idx selects along that axis.
    positions = _axis_positions(idx, a.shape[axis], named)
    t = _sj_swapaxes(a, 0, axis)[positions]
    return _sj_swapaxes(t, 0, axis).copy()


def _take_axis_first(a, idx, axis, named):
    # As _take_axis where integers and the array are not side by side in the index (a[0, :, idx]): NumPy puts the
    # selected axis first, the others after it in their order.
    return _axis_moved(_take_axis(a, idx, axis, named), axis, 0).copy()


def _put_axis(a, idx, axis, named, value):
    # a[:, ..., idx] = value: assigned through the view with the axis moved first; an array value is broadcast to
    # the selection's dimensions and its axes moved alike.
    idx = _axis_positions(idx, a.shape[axis], named)
    t = _sj_swapaxes(a, 0, axis)
    if isinstance(value, (int, float, complex)):
        t[idx] = value
        return
    v = _leading_axes(value, a)
    m = idx.shape[0]
    fits = v.ndim == a.ndim
    if fits:
        for d in range(a.ndim):
            size = a.shape[d]
            if d == axis:
                size = m
            if v.shape[d] != 1 and v.shape[d] != size:
                fits = False
    if not fits:
        target = ""
        for d in range(a.ndim):
            if d > 0:
                target += ","
            if d == axis:
                target += str(m)
            else:
                target += str(a.shape[d])
        raise ValueError(f"shape mismatch: value array of shape {_shape_text(value)} could not be broadcast to indexing result of shape ({target})")
    vs = _sj_swapaxes(v, 0, axis)
    for i in range(m):
        if vs.shape[0] == 1:
            t[idx[i]] = vs[0]
        else:
            t[idx[i]] = vs[i]


def _array_truth(a):
    # bool(a), `if a:`: NumPy's truth of an array is its one element's; an empty array is False (NumPy 1.24 warns that
    # this is deprecated); more elements are ambiguous.
    if a.size == 1:
        return bool(a.ravel()[0])
    if a.size == 0:
        return False
    raise ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")


def _take_pair(a, i, j):
    return _take_pair_from(a, i, j, 0, 1)


def _take_pair_from(a, i, j, ai, aj):
    # a[i, j] with one or two 1-d integer arrays (the other an int): NumPy broadcasts the two and gathers one element
    # (of a 2-d array; else the rest of the axes) per position, a copy.
    m = _pair_length(i, j)
    rows = np.empty((m,) + a.shape[2:], a.dtype)
    for k in range(m):
        rows[k] = a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj)]
    return rows


def _take_triple(a, i, j, q):
    return _take_triple_from(a, i, j, q, 0, 1, 2)


def _take_triple_from(a, i, j, q, ai, aj, aq):
    # a[i, j, q] of an array of three or more dimensions with 1-d integer arrays and ints (two arrays at least).
    m = _triple_length(i, j, q)
    rows = np.empty((m,) + a.shape[3:], a.dtype)
    for k in range(m):
        rows[k] = a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj), _pair_item(q, k, a.shape[2], aq)]
    return rows


def _put_triple(a, i, j, q, value):
    _put_triple_from(a, i, j, q, value, 0, 1, 2)


def _put_triple_from(a, i, j, q, value, ai, aj, aq):
    # a[i, j, q] = value for the index of _take_triple: value a number or an array broadcast to the selection.
    m = _triple_length(i, j, q)
    if isinstance(value, (int, float, complex)):
        for k in range(m):
            a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj), _pair_item(q, k, a.shape[2], aq)] = value
        return
    _check_put_value(value, m, a, 3)
    items = np.empty((m,) + a.shape[3:], a.dtype)
    items[...] = value
    for k in range(m):
        a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj), _pair_item(q, k, a.shape[2], aq)] = items[k]


def _check_put_value(value, m, a, first):
    # NumPy's ValueError for a value array with an axis per selected item (the selection is m items of a's axes from
    # first on) whose length is neither m nor 1; a value with fewer dimensions goes to every item.
    if isinstance(value, (int, float, complex)):
        return
    if value.ndim < 1 + a.ndim - first:
        return
    if value.shape[0] != m and value.shape[0] != 1:
        text = f"({m},"
        for d in range(first, a.ndim):
            if d > first:
                text += ","
            text += f"{a.shape[d]}"
        raise ValueError(f"shape mismatch: value array of shape {_shape_text(value)} could not be broadcast to indexing result of shape {text})")


def _triple_length(i, j, q):
    # The length three index items broadcast to (an int to any), or NumPy's IndexError naming the arrays' shapes.
    m = 1
    ok = True
    for n in (_item_length(i), _item_length(j), _item_length(q)):
        if n != 1:
            if m != 1 and n != m:
                ok = False
            m = n
    if not ok:
        text = ""
        if not isinstance(i, int):
            text += f"({i.shape[0]},) "
        if not isinstance(j, int):
            text += f"({j.shape[0]},) "
        if not isinstance(q, int):
            text += f"({q.shape[0]},) "
        raise IndexError(f"shape mismatch: indexing arrays could not be broadcast together with shapes {text}")
    return m


def _item_length(i):
    if isinstance(i, int):
        return 1
    return i.shape[0]


def _put_pair(a, i, j, value):
    _put_pair_from(a, i, j, value, 0, 1)


def _put_pair_from(a, i, j, value, ai, aj):
    # a[i, j] = value for the index of _take_pair: value a number or an array broadcast to the selection.
    m = _pair_length(i, j)
    if a.ndim > 2:
        if isinstance(value, (int, float, complex)):
            for k in range(m):
                a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj)] = value
            return
        _check_put_value(value, m, a, 2)
        items = np.empty((m,) + a.shape[2:], a.dtype)
        items[...] = value
        for k in range(m):
            a[_pair_item(i, k, a.shape[0], ai), _pair_item(j, k, a.shape[1], aj)] = items[k]
        return
    if not isinstance(value, (int, float, complex)):
        if value.ndim > 1 or value.shape[0] != m and value.shape[0] != 1:
            raise ValueError(f"shape mismatch: value array of shape {_shape_text(value)} could not be broadcast to indexing result of shape ({m},)")
    for k in range(m):
        p = _pair_item(i, k, a.shape[0], ai)
        q = _pair_item(j, k, a.shape[1], aj)
        if isinstance(value, (int, float, complex)):
            a[p, q] = value
        elif value.shape[0] == 1:
            a[p, q] = value[0]
        else:
            a[p, q] = value[k]


# ---------------------------------------------------------------- arrays side by side after slices


def _axis_moved(v, src, dst):
    # v with its axis src moved to position dst, the axes between shifting over by one (a view, of layout A whatever
    # the moves, so that a loop of moves keeps one type).
    t = _sj_swapaxes(v, 0, 0)
    for s in range(src, dst, -1):
        t = _sj_swapaxes(t, s, s - 1)
    for s in range(src, dst):
        t = _sj_swapaxes(t, s, s + 1)
    return t


def _axes_front2(v, p, q):
    # v with its axes p < q moved to the front in that order, the others in order (a view).
    return _axis_moved(_axis_moved(v, p, 0), q, 1)


def _axes_front3(v, p, q, r):
    return _axis_moved(_axes_front2(v, p, q), r, 2)


def _first_axis_to(r, p):
    # r's first axis moved to position p, in C order (a copy).
    return _axis_moved(r, 0, p).copy()


def _take_group(v, adjacent, p, q, i, j):
    # v[..., i, ..., j, ...] with the arrays (and ints) at axes p < q of the view v: NumPy puts the broadcast axis
    # where they stand when they are side by side, else first.
    r = _take_pair_from(_axes_front2(v, p, q), i, j, p, q)
    if adjacent:
        return _first_axis_to(r, p)
    return r


def _take_group3(v, adjacent, p, q, s, i, j, k):
    r = _take_triple_from(_axes_front3(v, p, q, s), i, j, k, p, q, s)
    if adjacent:
        return _first_axis_to(r, p)
    return r


def _put_group(v, adjacent, p, q, i, j, value):
    # v[..., i, ..., j, ...] = value: the value broadcast to the selection's shape, then put item by item.
    t = _axes_front2(v, p, q)
    if isinstance(value, (int, float, complex)):
        _put_pair_from(t, i, j, value, p, q)
        return
    items = _take_group(v, adjacent, p, q, i, j)
    items[...] = value
    _put_pair_from(t, i, j, _axis_moved(items, p if adjacent else 0, 0), p, q)


def _put_group3(v, adjacent, p, q, s, i, j, k, value):
    t = _axes_front3(v, p, q, s)
    if isinstance(value, (int, float, complex)):
        _put_triple_from(t, i, j, k, value, p, q, s)
        return
    items = _take_group3(v, adjacent, p, q, s, i, j, k)
    items[...] = value
    _put_triple_from(t, i, j, k, _axis_moved(items, p if adjacent else 0, 0), p, q, s)


def _pair_length(i, j):
    # The length two index items broadcast to (an int to any), or NumPy's IndexError.
    return _triple_length(i, j, 0)


def _pair_item(i, k, n, axis):
    # The index on this axis at position k of the broadcast, checked and wrapped.
    if isinstance(i, int):
        x = i
    elif i.shape[0] == 1:
        x = int(i[0])
    else:
        x = int(i[k])
    if x >= n or x < -n:
        raise IndexError(f"index {x} is out of bounds for axis {axis} with size {n}")
    if x < 0:
        x += n
    return x


def _leading_axes(v, a):
    # v with axes of length 1 put in front up to a's dimensions (as broadcasting would).
    if v.ndim >= a.ndim:
        return v
    if v.ndim == 1:
        if a.ndim == 2:
            return v[None, :]
        if a.ndim == 3:
            return v[None, None, :]
        return v[None, None, None, :]
    if v.ndim == 2:
        if a.ndim == 3:
            return v[None, :, :]
        return v[None, None, :, :]
    return v[None, :, :, :]


# ---------------------------------------------------------------- matmul of stacks of matrices


def _shape_text(a):
    # The shape as NumPy's broadcasting messages write it: (2,3), (2,).
    text = str(a.shape[0])
    for d in range(1, a.ndim):
        text += "," + str(a.shape[d])
    if a.ndim == 1:
        text += ","
    return "(" + text + ")"


def _dot_stack(a, b):
    # np.dot(3-d, 1-d or 2-d) and np.dot(1-d, 3-d): the same products as matmul, with dot's error.
    ka = a.shape[a.ndim - 1]
    if b.ndim == 1:
        kb = b.shape[0]
        db = 0
    else:
        kb = b.shape[b.ndim - 2]
        db = b.ndim - 2
    if ka != kb:
        raise ValueError(f"shapes {_shape_text(a)} and {_shape_text(b)} not aligned: {ka} (dim {a.ndim - 1}) != {kb} (dim {db})")
    return _matmul_stack(a, b)


def _matmul_stack(a, b):
    # a @ b where an operand has three dimensions: a product per matrix of the stack, the stack axis broadcast; a
    # 1-d operand is a row (a) or a column (b), its axis dropped from the result.
    if a.ndim == 1:
        A = a[None, None, :]
    elif a.ndim == 2:
        A = a[None, :, :]
    else:
        A = a
    if b.ndim == 1:
        B = b[None, :, None]
    elif b.ndim == 2:
        B = b[None, :, :]
    else:
        B = b
    if A.shape[2] != B.shape[1]:
        raise ValueError(f"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {B.shape[1]} is different from {A.shape[2]})")
    sa = A.shape[0]
    sb = B.shape[0]
    if sa != sb and sa != 1 and sb != 1:
        raise ValueError(f"operands could not be broadcast together with remapped shapes [original->remapped]: {_shape_text(a)}->({sa},newaxis,newaxis) {_shape_text(b)}->({sb},newaxis,newaxis)  and requested shape ({A.shape[1]},{B.shape[2]})")
    s = max(sa, sb)
    if sa == 0 or sb == 0:
        s = 0
    out = np.empty((s, A.shape[1], B.shape[2]), np.result_type(a, b))
    for i in range(s):
        ia = i
        ib = i
        if sa == 1:
            ia = 0
        if sb == 1:
            ib = 0
        out[i] = A[ia] @ B[ib]
    if a.ndim == 1:
        return out[:, 0, :].copy()
    if b.ndim == 1:
        return out[:, :, 0].copy()
    return out


# ---------------------------------------------------------------- iterating over indices


@overload("numpy.ndindex")
def ndindex(*shape):
    # The index tuples of an array of the shape (given as ints or as one tuple), in C order.
    if len(shape) == 1:
        if isinstance(shape[0], tuple):
            return _ndindex(shape[0])
    return _ndindex(shape)


def _ndindex(shape):
    if len(shape) == 0:
        yield ()
    elif len(shape) == 1:
        for i in range(shape[0]):
            yield (i,)
    elif len(shape) == 2:
        for i in range(shape[0]):
            for j in range(shape[1]):
                yield (i, j)
    elif len(shape) == 3:
        for i in range(shape[0]):
            for j in range(shape[1]):
                for k in range(shape[2]):
                    yield (i, j, k)
    elif len(shape) == 4:
        for i in range(shape[0]):
            for j in range(shape[1]):
                for k in range(shape[2]):
                    for m in range(shape[3]):
                        yield (i, j, k, m)
    else:
        raise TypeError("np.ndindex() and np.ndenumerate() of more than four dimensions are not supported in compiled code")


@overload("numpy.ndenumerate")
def ndenumerate(arr):
    # (index tuple, element) for each element of the array, in C order.
    for idx in _ndindex(arr.shape):
        yield idx, arr[idx]


# ---------------------------------------------------------------- np.linalg: LU with partial pivoting
# As reference LAPACK's dgetrf/dgesv (which NumPy 1.24 calls): the pivot is the first largest |x| of the column
# (|re| + |im| for complex), the column below it is scaled by the pivot's reciprocal, the rest updated
# right-looking; solving applies the row swaps, then forward and back substitution as dtrsm does (dividing by the
# diagonal). In float64 the results are LAPACK's to the bit; float32 and complex64 are computed in double precision.


def _linalg_square(a):
    # (Callers check a.ndim first with a raise of their own: a raise decided while typing ends typing there.)
    if a.shape[0] != a.shape[1]:
        raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")


def _linalg_work(a):
    # The matrix copied in the precision the factorisation works in: complex128 or float64.
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return a.astype(np.complex128)
    return a.astype(np.float64)


def _pivot_size(x):
    if isinstance(x, complex):
        return abs(x.real) + abs(x.imag)
    return abs(x)


def _lu_factor(lu, piv):
    # Factors the square matrix lu in place (L below the diagonal with unit diagonal, U on and above), recording
    # the row swapped with each row in piv; returns (number of swaps, True if a pivot is exactly zero).
    n = lu.shape[0]
    swaps = 0
    singular = False
    for k in range(n):
        p = k
        best = _pivot_size(lu[k, k])
        for i in range(k + 1, n):
            v = _pivot_size(lu[i, k])
            if v > best:
                best = v
                p = i
        piv[k] = p
        if p != k:
            swaps += 1
            for j in range(n):
                t = lu[k, j]
                lu[k, j] = lu[p, j]
                lu[p, j] = t
        pv = lu[k, k]
        if pv == 0:
            singular = True
        else:
            if _pivot_size(pv) >= 2.2250738585072014e-308:
                r = 1.0 / pv
                for i in range(k + 1, n):
                    lu[i, k] = lu[i, k] * r
            else:
                for i in range(k + 1, n):
                    lu[i, k] = lu[i, k] / pv
            for i in range(k + 1, n):
                m = lu[i, k]
                for j in range(k + 1, n):
                    lu[i, j] = lu[i, j] - m * lu[k, j]
    return swaps, singular


def _lu_solve(lu, piv, x):
    # Solves in place for the columns of the 2-d x (dgetrs: swaps, unit lower, then upper triangular solve).
    n = lu.shape[0]
    cols = x.shape[1]
    for k in range(n):
        p = piv[k]
        if p != k:
            for j in range(cols):
                t = x[k, j]
                x[k, j] = x[p, j]
                x[p, j] = t
    for j in range(cols):
        for k in range(n):
            xk = x[k, j]
            if xk != 0:
                for i in range(k + 1, n):
                    x[i, j] = x[i, j] - xk * lu[i, k]
        for k in range(n - 1, -1, -1):
            if x[k, j] != 0:
                x[k, j] = x[k, j] / lu[k, k]
                xk = x[k, j]
                for i in range(k):
                    x[i, j] = x[i, j] - xk * lu[i, k]


def _linalg_dtype(a):
    # NumPy's result dtype of one matrix: float64 for integers and bools, inexact dtypes kept.
    return np.result_type(a, 0.0)


def _slogdet(a):
    # NumPy's sign and log|det| from the LU factors: (sign, logdet), (0, -inf) for a singular matrix.
    lu = _linalg_work(a)
    n = lu.shape[0]
    piv = np.empty(n, np.int64)
    swaps, singular = _lu_factor(lu, piv)
    one = np.ones(1, lu.dtype)[0]
    if singular:
        return one - one, -math.inf
    sign = one
    if swaps % 2 == 1:
        sign = -one
    logdet = 0.0
    for i in range(n):
        d = lu[i, i]
        if isinstance(d, complex):
            ad = abs(d)
            sign = sign * (d / ad)
            logdet += math.log(ad)
        else:
            if d < 0.0:
                sign = -sign
                d = -d
            logdet += math.log(d)
    return sign, logdet


@overload("numpy.linalg.det")
def det(a):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    # NumPy: sign * exp(logdet) (0 for a singular matrix).
    sign, logdet = _slogdet(a)
    return _linalg_scalar(sign * math.exp(logdet), a)


@overload("numpy.linalg.slogdet")
def slogdet(a):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    sign, logdet = _slogdet(a)
    return _linalg_scalar(sign, a), _linalg_scalar(logdet, a.real)


@overload("numpy.linalg.matrix_power")
def matrix_power(a, n):
    # NumPy's: the identity for 0, the inverse's power for n < 0, products for 1 to 3, then binary powers.
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    if n < 0:
        if a.dtype == np.float64 or a.dtype == np.complex128 or a.dtype == np.float32 or a.dtype == np.complex64:
            return _matrix_power(np.linalg.inv(a), -n)
        # NumPy's result is then a float array: a type known only at run time here.
        _unsupported("np.linalg.matrix_power() of an integer matrix to a negative power is not supported in compiled code")
    if n == 0:
        return np.eye(a.shape[0], dtype=a.dtype)
    return _matrix_power(a, n)


def _matrix_power(a, n):
    if n == 0:
        return np.eye(a.shape[0], dtype=a.dtype)
    if n == 1:
        return a.copy()
    if n == 2:
        return a @ a
    if n == 3:
        return (a @ a) @ a
    z = a.copy()
    result = a.copy()
    first_z = True
    first_result = True
    while n > 0:
        if first_z:
            first_z = False
        else:
            z = z @ z
        bit = n % 2
        n = n // 2
        if bit == 1:
            if first_result:
                result = z
                first_result = False
            else:
                result = result @ z
    return result


def _linalg_scalar(x, a):
    # A result in NumPy's dtype for a: float32 and complex64 rounded from double precision.
    return np.full(1, x, _linalg_dtype(a))[0]


@overload("numpy.linalg.solve")
def solve(a, b):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    n = a.shape[0]
    dt = np.result_type(a, b, 0.0)
    if b.ndim == 1:
        if b.shape[0] != n:
            raise ValueError(f"solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size {b.shape[0]} is different from {n})")
        x = _solve(a, b[:, None], n)
        return x[:, 0].astype(dt)
    if b.ndim > 2:
        raise TypeError("np.linalg.solve() of stacks of matrices (more than two dimensions) is not supported in compiled code")
    if b.shape[0] != n:
        raise ValueError(f"solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size {b.shape[0]} is different from {n})")
    return _solve(a, b, n).astype(dt)


def _solve(a, b, n):
    if a.dtype == np.complex128 or a.dtype == np.complex64 or b.dtype == np.complex128 or b.dtype == np.complex64:
        lu = a.astype(np.complex128)
        x = b.astype(np.complex128)
    else:
        lu = a.astype(np.float64)
        x = b.astype(np.float64)
    piv = np.empty(n, np.int64)
    swaps, singular = _lu_factor(lu, piv)
    if singular:
        raise np.linalg.LinAlgError("Singular matrix")
    _lu_solve(lu, piv, x)
    return x


@overload("numpy.linalg.inv")
def inv(a):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    n = a.shape[0]
    return _solve(a, np.eye(n), n).astype(_linalg_dtype(a))


# ---------------------------------------------------------------- np.linalg through LAPACK
# NumPy 1.24 computes svd, eigh, eigvalsh, cholesky and qr with LAPACK's double-precision routines (float32 and
# complex64 converted to float64 / complex128 first, the results converted back; integers and bools as float64), on
# a Fortran-ordered copy of the matrix, with the workspace LAPACK asks for. _sj_lapack(op, flag, m, n, a, b, c, d)
# calls the same routine of the same library (Runtime/RuntimeLapack.cs): the arrays it takes are C-contiguous, so a
# Fortran-ordered m×n matrix is the C-ordered n×m array of its transpose. It returns LAPACK's info, -1000 when no
# LAPACK library was found, -1001 in exported code.


def _lapack_in(a):
    # The Fortran-ordered copy of the matrix a (as the C-ordered array of a.T) in the dtype LAPACK works in.
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return _lapack_in_as(a, np.complex128)
    return _lapack_in_as(a, np.float64)


def _lapack_in_as(a, dtype):
    f = np.empty((a.shape[1], a.shape[0]), dtype)
    f[:, :] = a.T
    return f


def _lapack_out(x, a):
    # A result in NumPy's result dtype for the matrix a: float32 and complex64 kept, the rest float64 or complex128.
    if a.dtype == np.float32 or a.dtype == np.complex64:
        if a.dtype == np.complex64:
            return x.astype(np.complex64)
        return x.astype(np.float32)
    return x


def _lapack_out_real(x, a):
    # A real result (singular values, eigenvalues) in the real dtype of NumPy's result dtype for a.
    if a.dtype == np.float32 or a.dtype == np.complex64:
        return x.astype(np.float32)
    return x


def _lapack_call(op, flag, m, n, a, b, c, d, name):
    # Calls the routine; raises where there is no LAPACK to call. Returns LAPACK's info.
    if m > 2147483647 or n > 2147483647 or m * n > 2147483647:
        raise ValueError(f"np.linalg.{name}: the matrix is too large for LAPACK's 32-bit sizes in compiled code")
    info = _sj_lapack(op, flag, m, n, a, b, c, d)
    if info == -1000:
        raise RuntimeError(f"np.linalg.{name} needs LAPACK, and no LAPACK library was found (the one NumPy loaded, liblapack.so.3 or libopenblas.so.0; SHARPJIT_LAPACK names a library)")
    if info == -1001:
        raise RuntimeError(f"np.linalg.{name} calls LAPACK, which exported code cannot do")
    return info


@overload("numpy.linalg.svd")
def svd(a, full_matrices=True, compute_uv=None, hermitian=False):
    # compute_uv chooses what is returned, so it is a literal: its default (None here, True in NumPy) is passed on
    # as the literal True.
    if compute_uv is None:
        return _svd(a, full_matrices, True, hermitian)
    return _svd(a, full_matrices, compute_uv, hermitian)


def _svd(a, full_matrices, compute_uv, hermitian):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    if hermitian:
        _unsupported("np.linalg.svd(hermitian=True) is not supported in compiled code")
    m = a.shape[0]
    n = a.shape[1]
    k = min(m, n)
    f = _lapack_in(a)
    s = np.empty(k, np.float64)
    if compute_uv:
        # ?gesdd with jobz 'A' (u m×m, vt n×n) or 'S' (u m×k, vt k×n).
        ucols = k
        vrows = k
        jobz = 83
        if full_matrices:
            ucols = m
            vrows = n
            jobz = 65
        u = np.zeros((ucols, m), f.dtype)
        vt = np.zeros((n, vrows), f.dtype)
        if k == 0:
            # (LAPACK leaves u and vt alone: NumPy makes them identities)
            for i in range(min(ucols, m)):
                u[i, i] = 1
            for i in range(min(vrows, n)):
                vt[i, i] = 1
        elif _lapack_call(0, jobz, m, n, f, s, u, vt, "svd") != 0:
            raise np.linalg.LinAlgError("SVD did not converge")
        return _lapack_out(u.T.copy(), a), _lapack_out_real(s, a), _lapack_out(vt.T.copy(), a)
    if k > 0:
        none = np.empty(0, f.dtype)
        if _lapack_call(0, 78, m, n, f, s, none, none, "svd") != 0:
            raise np.linalg.LinAlgError("SVD did not converge")
    return _lapack_out_real(s, a)


@overload("numpy.linalg.eigh")
def eigh(a, UPLO="L"):
    uplo = UPLO.upper()
    if uplo != "L" and uplo != "U":
        raise ValueError("UPLO argument must be 'L' or 'U'")
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    f, w = _syevd(a, uplo, 86, "eigh")
    return _lapack_out_real(w, a), _lapack_out(f.T.copy(), a)


@overload("numpy.linalg.eigvalsh")
def eigvalsh(a, UPLO="L"):
    uplo = UPLO.upper()
    if uplo != "L" and uplo != "U":
        raise ValueError("UPLO argument must be 'L' or 'U'")
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    f, w = _syevd(a, uplo, 78, "eigvalsh")
    return _lapack_out_real(w, a)


def _syevd(a, uplo, jobz, name):
    # dsyevd / zheevd on the lower ('L') or upper triangle: the eigenvalues ascending, the eigenvectors (jobz 'V')
    # in the Fortran-ordered matrix returned with them.
    n = a.shape[0]
    f = _lapack_in(a)
    w = np.empty(n, np.float64)
    if n > 0:
        flag = jobz + 256 * (76 if uplo == "L" else 85)
        if _lapack_call(1, flag, n, n, f, w, w, w, name) != 0:
            raise np.linalg.LinAlgError("Eigenvalues did not converge")
    return f, w


@overload("numpy.linalg.eig")
def eig(a):
    return _geev(a, True)


@overload("numpy.linalg.eigvals")
def eigvals(a):
    return _geev(a, False)[0]


def _geev(a, vectors):
    # dgeev / zgeev (jobvl 'N', jobvr 'V' or 'N'), as NumPy 1.24's eig and eigvals. NumPy's result is complex for a
    # real matrix only when some eigenvalue is: a type known at run time, so compiled code keeps a real matrix's
    # result real and rejects complex eigenvalues, as Numba does (a complex matrix gives complex results).
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    name = "eig" if vectors else "eigvals"
    n = a.shape[0]
    f = _lapack_in(a)
    if not np.isfinite(f).all():
        raise np.linalg.LinAlgError("Array must not contain infs or NaNs")
    vn = n if vectors else 0
    vr = np.empty((vn, vn), f.dtype)
    # zgeev's n eigenvalues; dgeev's n real parts, then the n imaginary parts
    w = np.empty(n if a.dtype == np.complex128 or a.dtype == np.complex64 else 2 * n, f.dtype)
    if n > 0 and _lapack_call(5, 86 if vectors else 78, n, n, f, w, vr, vr, name) != 0:
        raise np.linalg.LinAlgError("Eigenvalues did not converge")
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return _lapack_out(w, a), _lapack_out(vr.T.copy(), a)
    if np.any(w[n:] != 0):
        _unsupported(f"np.linalg.{name}() of a real matrix with complex eigenvalues is not supported in compiled code (NumPy's result dtype would depend on the values): pass a complex matrix (a.astype(np.complex128))")
    return _lapack_out_real(w[:n].copy(), a), _lapack_out(vr.T.copy(), a)


@overload("numpy.roots")
def roots(p):
    # NumPy 1.24's: the eigenvalues of the companion matrix of p without its leading and trailing zeros (whose roots,
    # 0, are appended). Integer coefficients are taken as float64. Complex roots of real coefficients are eigvals'
    # error here (NumPy's result would be complex only for some values).
    if not _sj_is_array(p):
        return roots(np.atleast_1d(np.asarray(p)))
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    c = _roots_coefficients(p)
    nz = np.nonzero(c)[0]
    if nz.shape[0] == 0:
        return np.zeros(0, c.dtype)
    trailing = c.shape[0] - nz[-1] - 1
    c = c[nz[0]:nz[-1] + 1]
    n = c.shape[0]
    if n > 1:
        a = np.diag(np.ones(n - 2, c.dtype), -1)
        a[0, :] = -c[1:] / c[0]
        found = eigvals(a)
    else:
        found = np.zeros(0, c.dtype)
    return np.hstack((found, np.zeros(trailing, found.dtype)))


def _roots_coefficients(p):
    if p.dtype == np.float64 or p.dtype == np.float32 or p.dtype == np.complex128 or p.dtype == np.complex64:
        return p
    return p.astype(np.float64)


@overload("numpy.linalg.lstsq")
def lstsq(a, b, rcond="warn"):
    # NumPy 1.24's: dgelsd / zgelsd on copies of a and of b (a column for a 1-d b); residuals only when m > n and
    # the rank is n. The default rcond ("warn") is -1, as NumPy's after its FutureWarning (not emitted here).
    if a.ndim != 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    if b.ndim != 1 and b.ndim != 2:
        raise np.linalg.LinAlgError(f"{b.ndim}-dimensional array given. Array must be two-dimensional")
    m = a.shape[0]
    n = a.shape[1]
    nrhs = 1
    if b.ndim == 2:
        nrhs = b.shape[1]
    if b.shape[0] != m:
        raise np.linalg.LinAlgError("Incompatible dimensions")
    if isinstance(rcond, str):
        if rcond != "warn":
            # (NumPy's UFuncTypeError, a TypeError)
            ufunc = "lstsq_m" if m <= n else "lstsq_n"
            raise TypeError(f"Cannot cast ufunc '{ufunc}' input 2 from dtype('<U{len(rcond)}') to dtype('float64') with casting rule 'same_kind'")
        rc = -1.0
    elif rcond is None:
        rc = 2.220446049250313e-16 * max(n, m)
    else:
        rc = float(rcond)
    result_t = np.result_type(np.empty(0, _linalg_dtype(a)), np.empty(0, _linalg_dtype(b)))
    real_t = np.empty(0, result_t).real.dtype
    work_t = np.result_type(np.empty(0, result_t), np.float64)
    fa = _lapack_in_as(a, work_t)
    # b as a Fortran-ordered max(m, n)×nrhs matrix (LAPACK writes the n solutions over it); at least one column,
    # as NumPy adds a zero column for LAPACK when b has none.
    fb = np.zeros((max(nrhs, 1), max(1, m, n)), work_t)
    if b.ndim == 1:
        fb[0, :m] = b
    else:
        fb[:nrhs, :m] = b.T
    s = np.empty(min(m, n), np.float64)
    rcond_rank = np.array([rc, 0.0])
    # A NaN or inf in a makes gelsd pass an illegal scale to dlascl, whose error handler (xerbla) NumPy replaces
    # and LAPACK's own ends the process with: NumPy raises this LinAlgError for a NaN (a SystemError for an inf).
    if not np.isfinite(fa).all():
        raise np.linalg.LinAlgError("SVD did not converge in Linear Least Squares")
    if _lapack_call(6, max(nrhs, 1), m, n, fa, fb, s, rcond_rank, "lstsq") != 0:
        raise np.linalg.LinAlgError("SVD did not converge in Linear Least Squares")
    rank = int(rcond_rank[1])
    if m == 0:
        fb[:, :] = 0
    resids = np.empty(0, real_t)
    if m > n and rank == n:
        # The squared norm of each column's last m - n entries, summed in order as NumPy's C loop does.
        resids = np.empty(nrhs, real_t)
        for i in range(nrhs):
            r = 0.0
            for j in range(n, m):
                v = fb[i, j]
                r += v.real * v.real + v.imag * v.imag
            resids[i] = r
    x = fb[:nrhs, :n].T.astype(result_t)
    if b.ndim == 1:
        return x[:, 0].copy(), resids, np.full(1, rank, np.int32)[0], s.astype(real_t)
    return x, resids, np.full(1, rank, np.int32)[0], s.astype(real_t)


@overload("numpy.linalg.cond")
def cond(x, p=None):
    # NumPy 1.24's: the ratio of the extreme singular values for p None, 2 and -2; otherwise norm(x, p) times the
    # norm of x's inverse (computed in double precision; NaN when x is singular), cast to x's result dtype, which is
    # complex for a complex matrix. A NaN result is inf unless x holds a NaN.
    if x.size == 0:
        raise np.linalg.LinAlgError("cond is not defined on empty arrays")
    if p is None:
        return _cond_svd(x, False)
    if isinstance(p, str):
        return _cond_norm(x, p)
    if x.dtype == np.complex128 or x.dtype == np.complex64:
        if p == 2 or p == -2:
            _unsupported("np.linalg.cond() of a complex matrix with p=2 or -2 is not supported in compiled code (its result is real, complex for the other p known only at run time): use p=None for 2")
        return _cond_norm(x, p)
    if p == 2 or p == -2:
        return _cond_svd(x, p == -2)
    return _cond_norm(x, p)


def _cond_svd(x, smallest_first):
    s = _svd(x, False, False, False)
    if smallest_first:
        r = s[-1:] / s[:1]
    else:
        r = s[:1] / s[-1:]
    if np.isnan(r[0]) and not np.isnan(x).any():
        r[0] = np.inf
    return r[0]


def _cond_norm(x, p):
    if x.ndim < 2:
        raise np.linalg.LinAlgError(f"{x.ndim}-dimensional array given. Array must be at least two-dimensional")
    if x.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(x)
    if isinstance(p, str):
        if p != "fro" and p != "f" and p != "nuc":
            raise ValueError("Invalid norm order for matrices.")
    elif p != 1 and p != -1 and p != np.inf and p != -np.inf:
        raise ValueError("Invalid norm order for matrices.")
    n = x.shape[0]
    lu = _linalg_work(x)
    piv = np.empty(n, np.int64)
    swaps, singular = _lu_factor(lu, piv)
    r = math.nan
    if singular and isinstance(p, str) and p == "nuc":
        _svd(x, False, False, False)
        # (NumPy takes the singular values of the NaN matrix its inverse gives)
        raise np.linalg.LinAlgError("SVD did not converge")
    if not singular:
        inverse = np.eye(n, dtype=lu.dtype)
        _lu_solve(lu, piv, inverse)
        # (NumPy's inverse is C-ordered; x and its inexact copy keep x's memory order)
        f_order = n > 1 and x.strides[0] < x.strides[1]
        r = _matrix_norm(x.astype(_linalg_dtype(x)), p, f_order) * _matrix_norm(inverse, p, False)
    if math.isnan(r) and not np.isnan(x).any():
        r = math.inf
    return np.full(1, r, _linalg_dtype(x))[0]


def _matrix_norm(x, p, f_order):
    # np.linalg.norm(x, p, axis=(0, 1)) of an inexact matrix for p 'fro', 'nuc', 1, -1, inf, -inf, in x's precision
    # and NumPy's order of additions: its reductions follow memory order (f_order: column-major), pairwise along the
    # contiguous axis (and over the whole matrix for 'fro'), one line after another along the other axis.
    if isinstance(p, str) and p == "nuc":
        return _reduce_sum(_svd(x, False, False, False))
    # the matrix's lines in memory order as rows
    if f_order:
        lines = x.T.copy()
    else:
        lines = x.copy()
    if isinstance(p, str):
        # (conj(x) * x).real
        if x.dtype == np.complex128 or x.dtype == np.complex64:
            squares = lines.real * lines.real + lines.imag * lines.imag
        else:
            squares = lines * lines
        return np.sqrt(_reduce_sum(squares.ravel()))
    a = np.abs(lines)
    rows = a.shape[0]
    cols = a.shape[1]
    row_sums = p == np.inf or p == -np.inf
    if row_sums != f_order:
        sums = np.empty(rows, a.dtype)
        for i in range(rows):
            sums[i] = _reduce_sum(a[i])
    else:
        sums = np.zeros(cols, a.dtype)
        for i in range(rows):
            sums[:] = sums + a[i]
    if p > 0:
        return sums.max()
    return sums.min()


def _reduce_sum(v):
    # NumPy 1.24's add.reduce of the contiguous 1-d v: its buffered iterator hands over 8192 items at a time, each
    # block summed pairwise and added to the total.
    total = np.zeros(1, v.dtype)
    for start in range(0, v.shape[0], 8192):
        total[0] = total[0] + _pairwise_sum(v[start:start + 8192])
    return total[0]


def _pairwise_sum(v):
    # NumPy 1.24's pairwise summation of the contiguous 1-d v, each addition rounded to v's dtype (stored in acc).
    n = v.shape[0]
    acc = np.zeros(8, v.dtype)
    if n < 8:
        for i in range(n):
            acc[0] = acc[0] + v[i]
        return acc[0]
    if n <= 128:
        acc[:] = v[:8]
        i = 8
        while i < n - n % 8:
            acc[:] = acc + v[i:i + 8]
            i += 8
        acc[0] = acc[0] + acc[1]
        acc[2] = acc[2] + acc[3]
        acc[4] = acc[4] + acc[5]
        acc[6] = acc[6] + acc[7]
        acc[0] = acc[0] + acc[2]
        acc[4] = acc[4] + acc[6]
        acc[0] = acc[0] + acc[4]
        while i < n:
            acc[0] = acc[0] + v[i]
            i += 1
        return acc[0]
    half = n // 2
    half -= half % 8
    acc[0] = _pairwise_sum(v[:half])
    acc[0] = acc[0] + _pairwise_sum(v[half:])
    return acc[0]


@overload("numpy.linalg.multi_dot")
def multi_dot(arrays, out=None):
    # NumPy 1.24's: np.dot chained in the order of fewest scalar multiplications (for three arrays the cheaper of
    # (AB)C and A(BC), else Cormen's matrix-chain order); a 1-d first (last) array is a row (column) vector.
    if not (out is None):
        _sj_reject("np.linalg.multi_dot(out=) is not supported in compiled code", arrays, out)
    if len(arrays) < 2:
        raise ValueError("Expecting at least two arrays.")
    if len(arrays) == 2:
        return np.dot(arrays[0], arrays[1])
    first = arrays[0]
    last = arrays[len(arrays) - 1]
    matrices = [_chain_matrix(first, first.ndim == 1, False, first)]
    # (the middle items as a slice: a tuple whose 1-d ends differ in type from them is not indexed at run time)
    for middle in arrays[1:-1]:
        matrices.append(_chain_matrix(middle, False, False, first))
    matrices.append(_chain_matrix(last, False, last.ndim == 1, first))
    n = len(matrices)
    if n == 3:
        a = matrices[0]
        c = matrices[2]
        cost_ab_c = a.shape[0] * c.shape[0] * (a.shape[1] + c.shape[1])
        cost_a_bc = a.shape[1] * c.shape[1] * (a.shape[0] + c.shape[0])
        if cost_ab_c < cost_a_bc:
            result = np.dot(np.dot(a, matrices[1]), c)
        else:
            result = np.dot(a, np.dot(matrices[1], c))
    else:
        result = _chain_product(matrices, _chain_order(matrices), 0, n - 1)
    if first.ndim == 1 and last.ndim == 1:
        return result[0, 0]
    if first.ndim == 1 or last.ndim == 1:
        return result.ravel()
    return result


def _chain_matrix(a, row, column, first):
    # A 2-d C-ordered matrix of multi_dot's chain: a 1-d first array as a row, a 1-d last one as a column.
    if a.dtype != first.dtype:
        # (the chain is one list; NumPy's products of mixed dtypes convert where each np.dot meets them)
        _sj_reject("np.linalg.multi_dot() of arrays of different dtypes is not supported in compiled code: convert them with astype() first", a)
    if row:
        return a.copy().reshape((1, a.shape[0]))
    if column:
        return a.copy().reshape((a.shape[0], 1))
    if a.ndim != 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    return a.copy()


def _chain_order(matrices):
    # NumPy's _multi_dot_matrix_chain_order: split[i, j] is where the product of matrices i..j splits.
    n = len(matrices)
    dims = np.empty(n + 1, np.int64)
    for i in range(n):
        dims[i] = matrices[i].shape[0]
    dims[n] = matrices[n - 1].shape[1]
    cost = np.zeros((n, n))
    split = np.zeros((n, n), np.int64)
    for span in range(1, n):
        for i in range(n - span):
            j = i + span
            cost[i, j] = math.inf
            for k in range(i, j):
                q = cost[i, k] + cost[k + 1, j] + dims[i] * dims[k + 1] * dims[j + 1]
                if q < cost[i, j]:
                    cost[i, j] = q
                    split[i, j] = k
    return split


def _chain_product(matrices, split, i, j):
    if i == j:
        return matrices[i]
    return np.dot(_chain_product(matrices, split, i, split[i, j]), _chain_product(matrices, split, split[i, j] + 1, j))


@overload("numpy.linalg.cholesky")
def cholesky(a):
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    _linalg_square(a)
    n = a.shape[0]
    f = _lapack_in(a)
    if n > 0:
        # dpotrf / zpotrf on the lower triangle; NumPy then zeroes the (Fortran) upper one.
        if _lapack_call(2, 76, n, n, f, f, f, f, "cholesky") != 0:
            raise np.linalg.LinAlgError("Matrix is not positive definite")
    for j in range(n):
        for i in range(j):
            f[j, i] = 0
    return _lapack_out(f.T.copy(), a)


@overload("numpy.linalg.qr")
def qr(a, mode="reduced"):
    if mode != "reduced":
        _unsupported("np.linalg.qr() supports mode='reduced' only in compiled code")
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    m = a.shape[0]
    n = a.shape[1]
    k = min(m, n)
    f = _lapack_in(a)
    tau = np.zeros(k, f.dtype)
    q = np.zeros((k, m), f.dtype)
    if k > 0:
        # dgeqrf / zgeqrf: R and the reflectors in f; then dorgqr / zungqr builds the first k columns of Q from them.
        if _lapack_call(3, 0, m, n, f, tau, tau, tau, "qr") != 0:
            raise np.linalg.LinAlgError("Incorrect argument found while performing QR factorization")
        q[:, :] = f[:k, :]
        if _lapack_call(4, k + 4294967296 * n, m, k, q, tau, tau, tau, "qr") != 0:
            raise np.linalg.LinAlgError("Incorrect argument found while performing QR factorization")
    r = np.triu(f.T[:k, :])
    return _lapack_out(q.T.copy(), a), _lapack_out(r, a)


@overload("numpy.linalg.matrix_rank")
def matrix_rank(A, tol=None, hermitian=False):
    # NumPy 1.24's: the number of singular values above tol (by default S.max() * max(M, N) * eps of S's dtype).
    if A.ndim < 2:
        return int(not np.all(A == 0))
    if A.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    S = _svd(A, False, False, hermitian)
    if tol is None:
        if S.dtype == np.float32:
            eps = np.float32(1.1920929e-07)
        else:
            eps = 2.220446049250313e-16
        t = S.max(axis=-1, keepdims=True) * max(A.shape[0], A.shape[1]) * eps
        return np.count_nonzero(S > t)
    return np.count_nonzero(S > np.full(1, tol))


@overload("numpy.linalg.pinv")
def pinv(a, rcond=1e-15, hermitian=False):
    # NumPy 1.24's: from the reduced SVD of conj(a), the singular values above rcond * max inverted, the others 0.
    rc = np.full(1, rcond)
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.ndim > 2:
        raise TypeError("np.linalg routines on stacks of matrices (more than two dimensions) are not supported in compiled code")
    m = a.shape[0]
    n = a.shape[1]
    if m == 0 or n == 0:
        if a.dtype == np.float64 or a.dtype == np.float32 or a.dtype == np.complex128 or a.dtype == np.complex64:
            return np.empty((n, m), a.dtype)
        # NumPy returns an empty array of a's integer dtype: a type only known at run time here.
        _unsupported("np.linalg.pinv() of an empty integer or bool matrix is not supported in compiled code")
        return np.empty((n, m), np.float64)
    u, s, vt = _svd(np.conjugate(a), False, True, hermitian)
    cutoff = rc * s.max(axis=-1, keepdims=True)
    large = s > cutoff
    for i in range(s.shape[0]):
        if large[i]:
            s[i] = 1 / s[i]
        else:
            s[i] = 0
    # (NumPy's multiply(s[:, None], u.T) is laid out as u.T, column-major, as (u * s).T is)
    return np.transpose(vt) @ (u * s).T


# ---------------------------------------------------------------- statistics


@overload("numpy.median")
def median(a, axis=None):
    a = np.asarray(a)
    if axis is None:
        return _median_line(a.ravel())
    if a.ndim == 1:
        _axis_index(axis, 1, "")
        return _median_line(a)
    if a.ndim == 2:
        if _axis_index(axis, 2, "") == 0:
            out = np.empty(a.shape[1], a[0:0].mean(keepdims=True).dtype)
            for j in range(a.shape[1]):
                out[j] = _median_line(a[:, j])
            return out
        out = np.empty(a.shape[0], a[0:0].mean(keepdims=True).dtype)
        for i in range(a.shape[0]):
            out[i] = _median_line(a[i])
        return out
    if a.ndim == 3:
        # The medians of the lines along the axis, the other two axes kept in their order.
        ax = _axis_index(axis, 3, "")
        p0 = 1 if ax == 0 else 0
        p1 = 1 if ax == 2 else 2
        v = _transpose_axes(a, (p0, p1, ax))
        out = np.empty((v.shape[0], v.shape[1]), a[0:0].mean(keepdims=True).dtype)
        for i in range(v.shape[0]):
            for j in range(v.shape[1]):
                out[i, j] = _median_line(v[i, j])
        return out
    # More dimensions: the lines along the axis, moved last by swapping it past each later axis (the others keep
    # their order); a swap of an axis with itself first, so that the view's type is the same in every round.
    ax = _axis_index(axis, a.ndim, "")
    v = _sj_swapaxes(a, 0, 0)
    for k in range(ax, a.ndim - 1):
        v = _sj_swapaxes(v, k, k + 1)
    n = v.shape[a.ndim - 1]
    rows = 1
    for d in v.shape[:-1]:
        rows *= d
    lines = v.copy().reshape((rows, n))
    out = np.empty(rows, a[0:0].mean(keepdims=True).dtype)
    for i in range(rows):
        out[i] = _median_line(lines[i])
    return out.reshape(v.shape[:-1])


def _median_line(v):
    # The median of the 1-d array v as NumPy's: the mean of its middle value or two, NaN if it holds one. The middle
    # values are selected in linear time (NumPy partitions too) from a copy; complex numbers are sorted.
    n = v.shape[0]
    if n == 0 or v.dtype == np.complex128 or v.dtype == np.complex64:
        return _median_sorted(np.sort(v))
    buf = np.empty(n, v.dtype)
    for i in range(n):
        x = v[i]
        if x != x:
            return v[i:i + 1].mean()
        buf[i] = x
    h = n // 2
    _select(buf, buf, h, 0, n - 1, False)
    if n % 2 == 1:
        return buf[h:h + 1].mean()
    # the largest of the smaller half goes next to the middle one
    j = 0
    for i in range(1, h):
        if buf[i] > buf[j]:
            j = i
    t = buf[j]
    buf[j] = buf[h - 1]
    buf[h - 1] = t
    return buf[h - 1:h + 1].mean()


def _median_sorted(s):
    # The median of a sorted 1-d array, as NumPy's mean of its one or two middle values; NaN (sorted last) if any.
    n = s.shape[0]
    if n == 0:
        return s.mean()
    if s[n - 1] != s[n - 1]:
        return s[n - 1:].mean()
    h = n // 2
    if n % 2 == 1:
        return s[h:h + 1].mean()
    return s[h - 1:h + 1].mean()


# ---------------------------------------------------------------- sorting and searching
# The sorting routines below index only positions they computed themselves, in range by construction (as NumPy's own
# C sorts do): @unchecked compiles them without bounds checks (measured: 43% of np.sort's time with them).


def _lt(x, y):
    # NumPy's sort order: NaN after every number; complex numbers by real part, then imaginary part.
    if isinstance(x.imag, int):
        # integers (x.real would read a uint64 as an int64)
        return x < y
    xr = x.real
    xi = x.imag
    yr = y.real
    yi = y.imag
    if xr < yr:
        return xi == xi or yi != yi
    if xr > yr:
        return yi != yi and xi == xi
    if xr == yr or (xr != xr and yr != yr):
        return xi < yi or (yi != yi and xi == xi)
    return yr != yr


@unchecked
def _key(keys, v, i, indirect):
    if indirect:
        return keys[v[i]]
    return v[i]


@unchecked
def _merge_sort(keys, v, indirect):
    # Sorts the 1-d array v in place, stably: v's values (indirect=False) or indices into keys ordered by key.
    # Runs of 16 by insertion, then bottom-up merges between v and a buffer.
    n = v.shape[0]
    run = 16
    lo = 0
    while lo < n:
        hi = min(lo + run, n)
        for j in range(lo + 1, hi):
            x = v[j]
            kx = _key(keys, v, j, indirect)
            i = j - 1
            while i >= lo and _lt(kx, _key(keys, v, i, indirect)):
                v[i + 1] = v[i]
                i -= 1
            v[i + 1] = x
        lo = hi
    if n <= run:
        return
    buf = np.empty_like(v)
    src = v
    dst = buf
    swapped = False
    width = run
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            k = lo
            if j < hi:
                ki = _key(keys, src, i, indirect)
                kj = _key(keys, src, j, indirect)
                while True:
                    if _lt(kj, ki):
                        if indirect:
                            dst[k] = src[j]
                        else:
                            dst[k] = kj
                        k += 1
                        j += 1
                        if j == hi:
                            break
                        kj = _key(keys, src, j, indirect)
                    else:
                        if indirect:
                            dst[k] = src[i]
                        else:
                            dst[k] = ki
                        k += 1
                        i += 1
                        if i == mid:
                            break
                        ki = _key(keys, src, i, indirect)
            if i < mid:
                dst[k:k + mid - i] = src[i:mid]
            if j < hi:
                dst[k:k + hi - j] = src[j:hi]
            lo = hi
        tmp = src
        src = dst
        dst = tmp
        swapped = not swapped
        width *= 2
    if swapped:
        v[:] = buf


# From this many elements on, numbers sort by their bytes (an LSD radix sort: a pass per byte, each linear); below it
# by comparisons (introsort). Measured on float64: the radix sort wins from about 8,000 elements (8 passes), on 4-byte
# and smaller numbers from about 1,000.
_RADIX_MIN_8 = 8192
_RADIX_MIN_4 = 1024


def _sort_values(v):
    # Sorts the 1-d C-contiguous array v in place in NumPy's order: NaN after every number, complex numbers by real
    # then imaginary part (a merge sort with NumPy's comparison). Numbers move their NaNs to the end first, so the
    # rest compares with a plain <.
    n = v.shape[0]
    if v.dtype == np.complex128 or v.dtype == np.complex64:
        _merge_sort(v, v, False)
        return
    if v.dtype == np.float64 or v.dtype == np.float32:
        n = _nans_last(v)
    big = n >= _RADIX_MIN_4
    if v.itemsize == 8:
        big = n >= _RADIX_MIN_8
    if not big:
        _intro_sort(v, n)
    elif v.dtype == np.float64:
        _radix_sort_floats(v.view(np.int64)[:n], -9223372036854775808)
    elif v.dtype == np.float32:
        _radix_sort_floats(v.view(np.int32)[:n], -2147483648)
    elif v.dtype == np.uint64:
        k = v.view(np.int64)
        _radix_sort(k, k, False, False)
    elif v.dtype == np.uint32:
        k = v.view(np.int32)
        _radix_sort(k, k, False, False)
    elif v.dtype == np.uint16:
        k = v.view(np.int16)
        _radix_sort(k, k, False, False)
    elif v.dtype == np.uint8 or v.dtype == np.bool_:
        k = v.view(np.int8)
        _radix_sort(k, k, False, False)
    else:
        _radix_sort(v, v, False, True)


@unchecked
def _nans_last(v):
    # Moves the NaNs of the float array v to its end, in their order; returns how many numbers come before them.
    n = v.shape[0]
    m = 0
    for i in range(n):
        if v[i] == v[i]:
            m += 1
    if m < n:
        nans = np.empty(n - m, v.dtype)
        j = 0
        q = 0
        for i in range(n):
            x = v[i]
            if x == x:
                v[j] = x
                j += 1
            else:
                nans[q] = x
                q += 1
        v[m:] = nans
    return m


@unchecked
def _float_keys(bits, sign):
    # Float bits (no NaN) as integers whose unsigned order is the numbers' order: a negative number's bits flipped,
    # otherwise the sign bit set. _float_values undoes it.
    for i in range(bits.shape[0]):
        b = bits[i]
        if b < 0:
            bits[i] = ~b
        else:
            bits[i] = b ^ sign


@unchecked
def _float_values(bits, sign):
    for i in range(bits.shape[0]):
        b = bits[i]
        if b < 0:
            bits[i] = b ^ sign
        else:
            bits[i] = ~b


def _radix_sort_floats(bits, sign):
    _float_keys(bits, sign)
    _radix_sort(bits, bits, False, False)
    _float_values(bits, sign)


@unchecked
def _radix_sort(k, payload, carry, signed):
    # Sorts the 1-d C-contiguous integer array k in place by its bytes read as an unsigned number (the top byte as a
    # signed one when signed), and when carry the int64 array payload with it: one counting pass for every byte, then
    # a stable pass per byte from the lowest; a byte that is the same in every key needs no pass. Bytes are read
    # through a uint8 view (little-endian: byte d of a key is its digit d), a load where a shift would need a check.
    n = k.shape[0]
    if n == 0:
        return
    size = k.itemsize
    counts = np.zeros((size, 256), np.int64)
    kb = k.view(np.uint8).reshape((n, size))
    for i in range(n):
        for d in range(size):
            counts[d, kb[i, d]] += 1
    buf = np.empty_like(k)
    bb = buf.view(np.uint8).reshape((n, size))
    pbuf = payload
    if carry:
        pbuf = np.empty_like(payload)
    offsets = np.empty(256, np.int64)
    src = k
    dst = buf
    sb = kb
    db = bb
    psrc = payload
    pdst = pbuf
    swapped = False
    for d in range(size):
        c = counts[d]
        if c[sb[0, d]] == n:
            continue
        flip = 0
        if signed and d == size - 1:
            flip = 128
        total = 0
        for p in range(256):
            raw = p ^ flip
            offsets[raw] = total
            total += c[raw]
        if carry:
            for i in range(n):
                raw = sb[i, d]
                o = offsets[raw]
                dst[o] = src[i]
                pdst[o] = psrc[i]
                offsets[raw] = o + 1
            tp = psrc
            psrc = pdst
            pdst = tp
        else:
            for i in range(n):
                raw = sb[i, d]
                o = offsets[raw]
                dst[o] = src[i]
                offsets[raw] = o + 1
        tmp = src
        src = dst
        dst = tmp
        tb = sb
        sb = db
        db = tb
        swapped = not swapped
    if swapped:
        k[:] = buf
        if carry:
            payload[:] = pbuf


@unchecked
def _intro_sort(v, n):
    # Sorts v[:n] (numbers, no NaN) in place with a plain <, as NumPy's quicksort: median-of-three partitions, the
    # smaller side first (an explicit stack), insertion sort below 16 elements, heapsort past 2*log2(n) levels.
    stack = np.empty(192, np.int64)
    sp = 0
    lo = 0
    hi = n - 1
    depth = _depth_limit(n)
    while True:
        while hi - lo > 16:
            if depth <= 0:
                _heap_sort(v, v, lo, hi + 1, False)
                lo = hi
                break
            depth -= 1
            i = _partition(v, v, lo, hi, False)
            # the larger side waits on the stack
            if i - lo < hi - i:
                stack[sp] = i + 1
                stack[sp + 1] = hi
                stack[sp + 2] = depth
                hi = i - 1
            else:
                stack[sp] = lo
                stack[sp + 1] = i - 1
                stack[sp + 2] = depth
                lo = i + 1
            sp += 3
        _insertion_sort(v, v, lo, hi, False)
        if sp == 0:
            break
        sp -= 3
        lo = stack[sp]
        hi = stack[sp + 1]
        depth = stack[sp + 2]


@unchecked
def _select(keys, v, k, lo, hi, indirect):
    # Moves the k-th smallest element of v[lo:hi + 1] (numbers, no NaN) to v[k], none larger before it and none
    # smaller after: quickselect with _intro_sort's partitions; a range still long after 2*log2(n) rounds is
    # heap-sorted. indirect: v holds indices into keys, ordered by key (argpartition).
    depth = _depth_limit(hi - lo + 1)
    while hi - lo > 16:
        if depth <= 0:
            _heap_sort(keys, v, lo, hi + 1, indirect)
            return
        depth -= 1
        i = _partition(keys, v, lo, hi, indirect)
        if k < i:
            hi = i - 1
        elif k > i:
            lo = i + 1
        else:
            return
    _insertion_sort(keys, v, lo, hi, indirect)


def _depth_limit(n):
    depth = 0
    m = n
    while m > 1:
        depth += 2
        m >>= 1
    return depth


@unchecked
def _partition(keys, v, lo, hi, indirect):
    # Partitions v[lo:hi + 1] (more than 16 elements) around the median of its first, middle and last: returns the
    # pivot's final position, none larger before it, none smaller after (by key when indirect).
    mid = lo + ((hi - lo) >> 1)
    if _key(keys, v, mid, indirect) < _key(keys, v, lo, indirect):
        t = v[mid]
        v[mid] = v[lo]
        v[lo] = t
    if _key(keys, v, hi, indirect) < _key(keys, v, mid, indirect):
        t = v[hi]
        v[hi] = v[mid]
        v[mid] = t
    if _key(keys, v, mid, indirect) < _key(keys, v, lo, indirect):
        t = v[mid]
        v[mid] = v[lo]
        v[lo] = t
    pivot = v[mid]
    kp = _key(keys, v, mid, indirect)
    i = lo
    j = hi - 1
    v[mid] = v[j]
    v[j] = pivot
    while True:
        i += 1
        while _key(keys, v, i, indirect) < kp:
            i += 1
        j -= 1
        while kp < _key(keys, v, j, indirect):
            j -= 1
        if i >= j:
            break
        t = v[i]
        v[i] = v[j]
        v[j] = t
    v[hi - 1] = v[i]
    v[i] = pivot
    return i


@unchecked
def _insertion_sort(keys, v, lo, hi, indirect):
    for j in range(lo + 1, hi + 1):
        x = v[j]
        kx = _key(keys, v, j, indirect)
        i = j - 1
        while i >= lo and kx < _key(keys, v, i, indirect):
            v[i + 1] = v[i]
            i -= 1
        v[i + 1] = x


@unchecked
def _heap_sort(keys, v, lo, hi, indirect):
    # Sorts v[lo:hi] in place with a plain < (of keys when indirect).
    n = hi - lo
    for start in range(n // 2 - 1, -1, -1):
        _sift_down(keys, v, lo, start, n, indirect)
    for end in range(n - 1, 0, -1):
        t = v[lo]
        v[lo] = v[lo + end]
        v[lo + end] = t
        _sift_down(keys, v, lo, 0, end, indirect)


@unchecked
def _sift_down(keys, v, lo, root, n, indirect):
    x = v[lo + root]
    kx = _key(keys, v, lo + root, indirect)
    while True:
        child = 2 * root + 1
        if child >= n:
            break
        if child + 1 < n and _key(keys, v, lo + child, indirect) < _key(keys, v, lo + child + 1, indirect):
            child += 1
        if not (kx < _key(keys, v, lo + child, indirect)):
            break
        v[lo + root] = v[lo + child]
        root = child
    v[lo + root] = x


@unchecked
def _radix_argsort(a, idx):
    # The indices that sort the 1-d array of numbers a, stably, written to idx: keys made from the values (floats
    # through _float_keys, NaN indices last in their order) sorted with their indices by _radix_sort.
    n = a.shape[0]
    if a.dtype == np.float64 or a.dtype == np.float32:
        c = np.ascontiguousarray(a)
        m = 0
        for i in range(n):
            if c[i] == c[i]:
                m += 1
        keys = np.empty(m, c.dtype)
        j = 0
        q = m
        for i in range(n):
            x = c[i]
            if x == x:
                if x == 0:
                    x = 0.0    # -0.0 ties with 0.0 (their bits differ)
                keys[j] = x
                idx[j] = i
                j += 1
            else:
                idx[q] = i
                q += 1
        if a.dtype == np.float64:
            bits = keys.view(np.int64)
            _float_keys(bits, -9223372036854775808)
        else:
            bits = keys.view(np.int32)
            _float_keys(bits, -2147483648)
        _radix_sort(bits, idx[:m], True, False)
        return
    for i in range(n):
        idx[i] = i
    keys = a.copy()
    if a.dtype == np.uint64:
        _radix_sort(keys.view(np.int64), idx, True, False)
    elif a.dtype == np.uint32:
        _radix_sort(keys.view(np.int32), idx, True, False)
    elif a.dtype == np.uint16:
        _radix_sort(keys.view(np.int16), idx, True, False)
    elif a.dtype == np.uint8 or a.dtype == np.bool_:
        _radix_sort(keys.view(np.int8), idx, True, False)
    else:
        _radix_sort(keys, idx, True, True)


@unchecked
def _arg_sort(a, idx):
    # idx: the indices that sort the 1-d array a, stably.
    n = a.shape[0]
    big = n >= _RADIX_MIN_4
    if a.itemsize == 8:
        big = n >= _RADIX_MIN_8
    if big and not (a.dtype == np.complex128 or a.dtype == np.complex64):
        _radix_argsort(a, idx)
        return
    for i in range(n):
        idx[i] = i
    _merge_sort(a, idx, True)


def _check_kth(kth, n):
    if isinstance(kth, int):
        k = kth + n if kth < 0 else kth
        if k < 0 or k >= n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")
    else:
        for i in range(len(kth)):
            k = kth[i] + n if kth[i] < 0 else kth[i]
            if k < 0 or k >= n:
                raise ValueError(f"kth(={k}) out of bounds ({n})")


@overload("numpy.partition")
def partition(a, kth, axis=-1, kind="introselect", order=None):
    # A partition of a copy of a: each kth element in its sorted place, none larger before it, none smaller after,
    # NaNs last; numbers by selection (quickselect on the introsort's partitions), complex numbers sorted. NumPy's
    # order of the other elements is its own introselect's.
    return _partition_along(a, kth, axis, False)


@overload("numpy.argpartition")
def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    # The indices that partition a, selected as np.partition selects (in linear time; complex numbers sorted).
    return _partition_along(a, kth, axis, True)


def _partition_along(a, kth, axis, indirect):
    # np.partition, or np.argpartition when indirect, of each line of a along axis (of the flattened a when None).
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _axis_index(axis, a.ndim, "")
    _check_kth(kth, a.shape[ax])
    t = _sj_swapaxes(a, ax, a.ndim - 1).copy()
    if indirect:
        return _partition_lines(t, np.empty(t.shape, np.int64), kth, ax, True)
    return _partition_lines(t, t, kth, ax, False)


def _partition_lines(t, out, kth, ax, indirect):
    # Partitions each line of the C-contiguous t along its last axis into out (t itself, or the indices when
    # indirect); returns out with that axis moved back to ax.
    last = t.ndim - 1
    n = t.shape[last]
    if n > 0:
        keys = t.reshape((-1, n))
        rows = out.reshape((-1, n))
        for i in range(rows.shape[0]):
            _partition_line(keys[i], rows[i], kth, indirect)
    if t.ndim == 1:
        return out
    return _sj_swapaxes(out, ax, last).copy()


def _partition_line(keys, v, kth, indirect):
    # Partitions the 1-d C-contiguous array v in place around each kth position (in ascending order, sharing the
    # stack of pivots between them as NumPy does); indirect: fills v with the indices that partition keys.
    n = keys.shape[0]
    if indirect:
        for i in range(n):
            v[i] = i
    pivots = np.empty(_PIVOT_STACK, np.int64)
    npiv = np.zeros(1, np.int64)
    if isinstance(kth, int):
        _introselect(keys, v, 0, n, kth + n if kth < 0 else kth, pivots, npiv, True, indirect)
        return
    ks = np.empty(len(kth), np.int64)
    for i in range(len(kth)):
        ks[i] = kth[i] + n if kth[i] < 0 else kth[i]
    ks.sort()
    for i in range(ks.shape[0]):
        _introselect(keys, v, 0, n, ks[i], pivots, npiv, True, indirect)


# NumPy 1.24's introselect (npysort/selection.cpp): the same comparisons (NumPy's sort order, _lt) and swaps, so that
# np.partition and np.argpartition arrange every element as NumPy does, not only the kth. Each works on
# v[base:base + num]; indirect: v holds indices into keys, compared by key.
_PIVOT_STACK = 50


@unchecked
def _introselect(keys, v, base, num, kth, pivots, npiv, keep, indirect):
    # Moves the kth element (of the range) into place; keep: pivots[:npiv[0]] is the stack of pivots found by the
    # calls for smaller kth of the same line (NumPy's pivots/npiv).
    low = 0
    high = num - 1
    while keep and npiv[0] > 0:
        top = pivots[npiv[0] - 1]
        if top > kth:
            high = top - 1
            break
        if top == kth:
            return
        low = top + 1
        npiv[0] -= 1
    if kth - low < 3:
        _dumb_select(keys, v, base + low, high - low + 1, kth - low, indirect)
        _store_pivot(kth, kth, pivots, npiv, keep)
        return
    if (keys.dtype == np.float64 or keys.dtype == np.float32 or keys.dtype == np.complex128 or keys.dtype == np.complex64) and kth == num - 1:
        # (NumPy: useful to check for NaN through partition(d, (x, -1)))
        at = low
        largest = _key(keys, v, base + low, indirect)
        for k in range(low + 1, num):
            x = _key(keys, v, base + k, indirect)
            if not _lt(x, largest):
                at = k
                largest = x
        _swap_items(v, base + kth, base + at)
        return
    depth = 0
    m = num
    while m > 1:
        depth += 2
        m >>= 1
    while low + 1 < high:
        ll = low + 1
        hh = high
        if depth > 0 or hh - ll < 5:
            _median3_swap(keys, v, base + low, base + low + (high - low) // 2, base + high, indirect)
        else:
            mid = ll + _median_of_median5(keys, v, base + ll, hh - ll, pivots, npiv, indirect)
            _swap_items(v, base + mid, base + low)
            ll -= 1
            hh += 1
        depth -= 1
        pivot = _key(keys, v, base + low, indirect)
        while True:
            ll += 1
            while _lt(_key(keys, v, base + ll, indirect), pivot):
                ll += 1
            hh -= 1
            while _lt(pivot, _key(keys, v, base + hh, indirect)):
                hh -= 1
            if hh < ll:
                break
            _swap_items(v, base + ll, base + hh)
        _swap_items(v, base + low, base + hh)
        if hh != kth:
            _store_pivot(hh, kth, pivots, npiv, keep)
        if hh >= kth:
            high = hh - 1
        if hh <= kth:
            low = ll
    if high == low + 1:
        if _lt(_key(keys, v, base + high, indirect), _key(keys, v, base + low, indirect)):
            _swap_items(v, base + high, base + low)
    _store_pivot(kth, kth, pivots, npiv, keep)


def _store_pivot(pivot, kth, pivots, npiv, keep):
    if keep:
        if pivot == kth and npiv[0] == _PIVOT_STACK:
            pivots[_PIVOT_STACK - 1] = pivot
        elif pivot >= kth and npiv[0] < _PIVOT_STACK:
            pivots[npiv[0]] = pivot
            npiv[0] += 1


@unchecked
def _swap_items(v, i, j):
    t = v[i]
    v[i] = v[j]
    v[j] = t


@unchecked
def _median3_swap(keys, v, low, mid, high, indirect):
    # The median of the three to low (the pivot), the smallest to low + 1.
    if _lt(_key(keys, v, high, indirect), _key(keys, v, mid, indirect)):
        _swap_items(v, high, mid)
    if _lt(_key(keys, v, high, indirect), _key(keys, v, low, indirect)):
        _swap_items(v, high, low)
    if _lt(_key(keys, v, low, indirect), _key(keys, v, mid, indirect)):
        _swap_items(v, low, mid)
    _swap_items(v, mid, low + 1)


@unchecked
def _median5(keys, v, s, indirect):
    # The position (0-4) of the median of v[s:s + 5], after NumPy's swaps.
    if _lt(_key(keys, v, s + 1, indirect), _key(keys, v, s, indirect)):
        _swap_items(v, s + 1, s)
    if _lt(_key(keys, v, s + 4, indirect), _key(keys, v, s + 3, indirect)):
        _swap_items(v, s + 4, s + 3)
    if _lt(_key(keys, v, s + 3, indirect), _key(keys, v, s, indirect)):
        _swap_items(v, s + 3, s)
    if _lt(_key(keys, v, s + 4, indirect), _key(keys, v, s + 1, indirect)):
        _swap_items(v, s + 4, s + 1)
    if _lt(_key(keys, v, s + 2, indirect), _key(keys, v, s + 1, indirect)):
        _swap_items(v, s + 2, s + 1)
    if _lt(_key(keys, v, s + 3, indirect), _key(keys, v, s + 2, indirect)):
        if _lt(_key(keys, v, s + 3, indirect), _key(keys, v, s + 1, indirect)):
            return 1
        return 3
    return 2


@unchecked
def _median_of_median5(keys, v, s, num, pivots, npiv, indirect):
    # The pivot for a range where median-of-3 made too little progress: the median of the medians of groups of 5
    # (moved to the range's front), as a position in the range. (The stack is not used: keep is False.)
    nmed = num // 5
    for i in range(nmed):
        _swap_items(v, s + 5 * i + _median5(keys, v, s + 5 * i, indirect), s + i)
    if nmed > 2:
        _introselect(keys, v, s, nmed, nmed // 2, pivots, npiv, False, indirect)
    return nmed // 2


@unchecked
def _dumb_select(keys, v, s, num, kth, indirect):
    # For a kth near the range's start: the smallest, then the next, ... moved to the front (NumPy's dumb_select).
    for i in range(kth + 1):
        at = i
        smallest = _key(keys, v, s + i, indirect)
        for k in range(i + 1, num):
            x = _key(keys, v, s + k, indirect)
            if _lt(x, smallest):
                at = k
                smallest = x
        _swap_items(v, s + i, s + at)


def _count_nonzero_axis(a, axis):
    # np.count_nonzero(a, axis): NumPy's a.astype(bool).sum(axis), int64 counts.
    return (a != 0).sum(axis)


def _check_sort_args(kind, order):
    if not (kind is None):
        if kind != "quicksort" and kind != "mergesort" and kind != "heapsort" and kind != "stable" and kind != "quick" and kind != "merge" and kind != "heap":
            raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' (got '{kind}')")
    if not (order is None):
        raise ValueError("Cannot specify order when the array has no fields.")


def _sort_rows(t, indirect):
    # Sorts each row of the C-contiguous array t along its last axis, in place; indirect: returns the indices that
    # sort each row instead (t is left as it was).
    n = t.shape[t.ndim - 1]
    if n == 0:
        # Empty rows: nothing to sort (and reshape cannot infer -1 for them).
        if indirect:
            return np.empty(t.shape, np.int64)
        return t
    rows = t.reshape((-1, n))
    if indirect:
        out = np.empty(rows.shape, np.int64)
        for i in range(rows.shape[0]):
            _arg_sort(rows[i], out[i])
        return out.reshape(t.shape)
    for i in range(rows.shape[0]):
        _sort_values(rows[i])
    return t


@overload("numpy.sort")
def sort(a, axis=-1, kind=None):
    a = np.asarray(a)
    if axis is None:
        out = a.ravel().copy()
        _sort_values(out)
        return out
    if a.ndim == 1:
        _axis_index(axis, 1, "")
        out = a.copy()
        _sort_values(out)
        return out
    # Along any axis: the axis moved last (a view), copied, its rows sorted, moved back.
    ax = _axis_index(axis, a.ndim, "")
    last = a.ndim - 1
    t = _sj_swapaxes(a, ax, last).copy()
    _sort_rows(t, False)
    out = np.empty_like(a)                  # NumPy's K order: Fortran-ordered for a Fortran-ordered a
    _sj_swapaxes(out, ax, last)[...] = t
    return out


@overload("numpy.argsort")
def argsort(a, axis=-1, kind=None):
    # A stable sort (NumPy's default quicksort orders equal keys differently).
    a = np.asarray(a)
    if axis is None:
        flat = a.ravel()
        idx = np.empty(flat.shape[0], np.int64)
        _arg_sort(flat, idx)
        return idx
    if a.ndim == 1:
        _axis_index(axis, 1, "")
        idx = np.empty(a.shape[0], np.int64)
        _arg_sort(a, idx)
        return idx
    ax = _axis_index(axis, a.ndim, "")
    last = a.ndim - 1
    t = _sj_swapaxes(a, ax, last).copy()
    return _sj_swapaxes(_sort_rows(t, True), ax, last).copy()


def _unique_mask(s):
    # Which values of the sorted array s start a run of equal values; NaNs (sorted last) count as one value (NumPy
    # 1.24's equal_nan=True).
    n = s.shape[0]
    keep = np.empty(n, np.bool_)
    if n > 0:
        keep[0] = True
        keep[1:] = s[1:] != s[:-1]
        if s[n - 1] != s[n - 1]:
            first = n - 1
            while first > 0 and s[first - 1] != s[first - 1]:
                first -= 1
            keep[first] = True
            keep[first + 1:] = False
    return keep


@overload("numpy.unique")
def unique(ar, return_index=None, return_inverse=None, return_counts=None):
    # The sorted distinct values of the flattened array; the indices of their first occurrences, the indices that
    # rebuild the array from them, and their counts, as asked. The flags choose the tuple returned, so they are
    # literals: a default (None here, False in NumPy) is passed on as the literal False.
    ar = np.asarray(ar)
    if return_index is None:
        return _unique_flags(ar, False, return_inverse, return_counts)
    return _unique_flags(ar, return_index, return_inverse, return_counts)


def _unique_flags(ar, return_index, return_inverse, return_counts):
    if return_inverse is None:
        if return_counts is None:
            return _unique(ar, return_index, False, False)
        return _unique(ar, return_index, False, return_counts)
    if return_counts is None:
        return _unique(ar, return_index, return_inverse, False)
    return _unique(ar, return_index, return_inverse, return_counts)


def _unique(ar, return_index, return_inverse, return_counts):
    if not return_index:
        if not return_inverse:
            if not return_counts:
                s = np.sort(ar, axis=None)
                return s[_unique_mask(s)]
    flat = ar.ravel()
    perm = np.argsort(flat)
    s = flat[perm]
    keep = _unique_mask(s)
    u = s[keep]
    n = s.shape[0]
    starts = np.arange(n)[keep]
    # (Each is assigned before the literal branches: a local assigned only in a branch removed while typing is an
    # internal compiler error.)
    first = perm
    inverse = perm
    counts = perm
    if return_index:
        first = perm[keep]
    if return_inverse:
        inverse = np.empty(n, np.int64)
        inverse[perm] = np.cumsum(keep) - 1
    if return_counts:
        k = starts.shape[0]
        counts = np.empty(k, np.int64)
        if k > 0:
            counts[:k - 1] = starts[1:] - starts[:k - 1]
            counts[k - 1] = n - starts[k - 1]
    if return_index:
        if return_inverse:
            if return_counts:
                return u, first, inverse, counts
            return u, first, inverse
        if return_counts:
            return u, first, counts
        return u, first
    if return_inverse:
        if return_counts:
            return u, inverse, counts
        return u, inverse
    return u, counts


def _search(a, x, right):
    # The index where x goes in the sorted 1-d array a: before equal values (right=False) or after them.
    lo = 0
    hi = a.shape[0]
    while lo < hi:
        mid = (lo + hi) >> 1
        if right:
            go = not _lt(x, a[mid])
        else:
            go = _lt(a[mid], x)
        if go:
            lo = mid + 1
        else:
            hi = mid
    return lo


@overload("numpy.searchsorted")
def searchsorted(a, v, side="left", sorter=None):
    if side != "left" and side != "right":
        raise ValueError(f"search side must be 'left' or 'right' (got '{side}')")
    if a.ndim != 1:
        raise ValueError("object too deep for desired array")
    if sorter is not None:
        return searchsorted(_sorted_by(a, sorter), v, side)
    right = side == "right"
    if isinstance(v, (int, float, complex)):
        if right:
            return _search(a, v, True)
        return _search(a, v, False)
    values = np.asarray(v)
    flat = values.ravel()
    out = np.empty(flat.shape[0], np.int64)
    for i in range(flat.shape[0]):
        if right:
            out[i] = _search(a, flat[i], True)
        else:
            out[i] = _search(a, flat[i], False)
    return out.reshape(values.shape)


def _sorted_by(a, sorter):
    # a in the order of sorter (np.searchsorted's indices that sort a), with NumPy's checks of it.
    order = np.asarray(sorter)
    if order.dtype == np.bool_ or order.dtype == np.float64 or order.dtype == np.float32 or order.dtype == np.complex128 or order.dtype == np.complex64:
        raise TypeError("sorter must only contain integers")
    if order.ndim != 1 or order.shape[0] != a.shape[0]:
        raise ValueError("sorter.size must equal a.size")
    n = a.shape[0]
    out = np.empty(n, a.dtype)
    for i in range(n):
        k = order[i]
        if k < 0 or k >= n:
            raise ValueError("Sorter index out of range.")
        out[i] = a[k]
    return out


def _interp_one(x, xp, fp, n, left, right):
    # NumPy's compiled interp for one value: the segment j with xp[j] <= x < xp[j+1] (a binary search).
    if x != x:
        return x
    if x < xp[0]:
        return left
    if x > xp[n - 1]:
        return right
    lo = 0
    hi = n
    while lo < hi:
        mid = (lo + hi) >> 1
        if x >= xp[mid]:
            lo = mid + 1
        else:
            hi = mid
    j = lo - 1
    if j == n - 1 or xp[j] == x:
        return float(fp[j])
    x0 = float(xp[j])
    x1 = float(xp[j + 1])
    y0 = float(fp[j])
    y1 = float(fp[j + 1])
    slope = (y1 - y0) / (x1 - x0)
    r = slope * (x - x0) + y0
    if r != r:
        r = slope * (x - x1) + y1
        if r != r and y0 == y1:
            r = y0
    return r


@overload("numpy.interp")
def interp(x, xp, fp, left=None, right=None):
    n = xp.shape[0]
    if n == 0:
        raise ValueError("array of sample points is empty")
    if fp.shape[0] != n:
        raise ValueError("fp and xp are not of the same length.")
    if left is None:
        lval = float(fp[0])
    else:
        lval = float(left)
    if right is None:
        rval = float(fp[n - 1])
    else:
        rval = float(right)
    if n == 1:
        if isinstance(x, (int, float)):
            return _interp_single(float(x), float(xp[0]), float(fp[0]), lval, rval)
        flat = x.ravel()
        out = np.empty(flat.shape[0], np.float64)
        for i in range(flat.shape[0]):
            out[i] = _interp_single(float(flat[i]), float(xp[0]), float(fp[0]), lval, rval)
        return out.reshape(x.shape)
    if isinstance(x, (int, float)):
        return _interp_one(float(x), xp, fp, n, lval, rval)
    flat = x.ravel()
    out = np.empty(flat.shape[0], np.float64)
    for i in range(flat.shape[0]):
        out[i] = _interp_one(float(flat[i]), xp, fp, n, lval, rval)
    return out.reshape(x.shape)


def _interp_single(x, x0, y0, left, right):
    if x < x0:
        return left
    if x > x0:
        return right
    return y0


# ---------------------------------------------------------------- cumulative sums along an axis


def _cumulate(a, axis, product):
    a = np.asarray(a)
    if axis is None or a.ndim == 1:
        if not (axis is None):
            _axis_index(axis, 1, "")
        if product:
            return a.cumprod()
        return a.cumsum()
    if product:
        dt = a.ravel()[0:0].cumprod().dtype
    else:
        dt = a.ravel()[0:0].cumsum().dtype
    out = np.empty_like(a, dt)              # NumPy's K order: Fortran-ordered for a Fortran-ordered a
    ax = _axis_index(axis, a.ndim, "")
    if a.ndim == 2 and ax == 0:
        return _cumulate_slices(a, out, out, product)
    # Along any other axis: the axis moved first in views of both, then one whole slice at a time.
    return _cumulate_slices(_sj_swapaxes(a, 0, ax), _sj_swapaxes(out, 0, ax), out, product)


def _cumulate_slices(src, dst, out, product):
    # dst[i] = dst[i - 1] (+ or *) src[i] along the first axis; out is the array dst views.
    if src.shape[0] > 0:
        dst[0] = src[0]
    for i in range(1, src.shape[0]):
        if product:
            dst[i] = dst[i - 1] * src[i]
        else:
            dst[i] = dst[i - 1] + src[i]
    return out


def _cumsum_axis(a, axis):
    # a.cumsum(axis) and a.cumprod(axis) (Arrays.Routines.cs)
    return _cumulate(a, axis, False)


def _cumprod_axis(a, axis):
    return _cumulate(a, axis, True)


@overload("numpy.cumsum")
def cumsum(a, axis=None, dtype=None):
    if dtype is None:
        return _cumulate(a, axis, False)
    return np.asarray(a).cumsum(axis, dtype=dtype)     # the elements cast first (Arrays.Routines.cs)


@overload("numpy.cumprod")
def cumprod(a, axis=None, dtype=None):
    if dtype is None:
        return _cumulate(a, axis, True)
    return np.asarray(a).cumprod(axis, dtype=dtype)


# ---------------------------------------------------------------- comparisons


@overload("numpy.isclose")
def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    # NumPy's test |a - b| <= atol + rtol * |b| for finite values, equality for infinities, with b made inexact.
    if isinstance(b, (int, float, complex)):
        y = b * 1.0
    elif b.dtype == np.float64 or b.dtype == np.float32 or b.dtype == np.complex128 or b.dtype == np.complex64:
        y = b
    else:
        y = b.astype(np.result_type(b, 1.0))
    x = a
    if isinstance(a, (int, float, complex)) and isinstance(b, (int, float, complex)):
        if math.isfinite(abs(x)) and math.isfinite(abs(y)):
            return abs(x - y) <= atol + rtol * abs(y)
        return x == y or equal_nan and x != x and y != y
    # one expression, so one fused loop (in statements it made three arrays)
    if equal_nan:
        return np.where(np.isfinite(x) & np.isfinite(y), abs(x - y) <= atol + rtol * abs(y), (x == y) | (np.isnan(x) & np.isnan(y)))
    return np.where(np.isfinite(x) & np.isfinite(y), abs(x - y) <= atol + rtol * abs(y), x == y)


@overload("numpy.allclose")
def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return bool(np.all(np.isclose(a, b, rtol, atol, equal_nan)))


@overload("numpy.array_equal")
def array_equal(a1, a2, equal_nan=False):
    if a1.ndim != a2.ndim:
        return False
    for d in range(a1.ndim):
        if a1.shape[d] != a2.shape[d]:
            return False
    if equal_nan:
        return bool(((a1 == a2) | ((a1 != a1) & (a2 != a2))).all())
    return bool((a1 == a2).all())


# ---------------------------------------------------------------- array methods written in Python (Arrays.cs: PythonMethod)


def _method_sort(a, axis, kind, order):
    # a.sort(): sorts the array in place (along the last axis, or axis=; None is not an axis here).
    _check_sort_args(kind, order)
    if axis is None:
        _unsupported("a.sort(axis=None) is not supported: NumPy sorts the flattened copy, use np.sort(a, axis=None)")
    else:
        a[...] = sort(a, axis)


def _method_argsort(a, axis, kind, order):
    _check_sort_args(kind, order)
    return argsort(a, axis)


def _method_repeat(a, repeats, axis):
    return repeat(a, repeats, axis)


def _method_ptp(a, axis):
    return np.ptp(a, axis)


def _method_searchsorted(a, v, side, sorter):
    return searchsorted(a, v, side, sorter)


def _method_partition(a, kth, axis, kind, order):
    # a.partition(): partitions the array in place (np.partition's arrangement: the same selection on the same data).
    a[...] = _partition_along(a, kth, axis, False)


def _method_argpartition(a, kth, axis, kind, order):
    return _partition_along(a, kth, axis, True)


# np.mgrid[...] / np.ogrid[...] (NumPy's nd_grid.__getitem__): the C# entry (Arrays.Extra.cs) passes each slice's
# start, stop and step in the grid's dtype (int64, or float64 when any part is a float or complex number; a complex
# step as its abs()) and whether the step was complex (its abs() is then the number of points, stop included).
def _sj_grid_slice(start, stop, step, count):
    if isinstance(start, float):
        if count:
            length = int(step)
            d = 1.0
            if length != 1:
                d = (stop - start) / float(length - 1)
            return np.arange(0, length, 1, dtype=np.float64) * d + start
    return np.arange(start, stop, step)


def _sj_grid_axis(start, stop, step, count):
    # One axis of a grid of several: size ceil((stop - start) / step) (or the count), values i * step + start.
    if isinstance(start, float):
        d = step
        if count:
            size = int(step)
            if size != 1:
                d = (stop - start) / float(size - 1)
        else:
            size = int(math.ceil((stop - start) / step))
        if size < 0:
            raise ValueError("negative dimensions are not allowed")
        return np.arange(size).astype(np.float64) * d + start
    size = int(math.ceil((stop - start) / (step * 1.0)))
    if size < 0:
        raise ValueError("negative dimensions are not allowed")
    return np.arange(size) * step + start


def _sj_grid_axes(starts, stops, steps, counts):
    n = len(starts)
    v0 = _sj_grid_axis(starts[0], stops[0], steps[0], counts[0])
    if n == 1:
        return (v0,)
    v1 = _sj_grid_axis(starts[1], stops[1], steps[1], counts[1])
    if n == 2:
        return v0.reshape((v0.shape[0], 1)), v1.reshape((1, v1.shape[0]))
    v2 = _sj_grid_axis(starts[2], stops[2], steps[2], counts[2])
    if n == 3:
        return (v0.reshape((v0.shape[0], 1, 1)), v1.reshape((1, v1.shape[0], 1)),
                v2.reshape((1, 1, v2.shape[0])))
    v3 = _sj_grid_axis(starts[3], stops[3], steps[3], counts[3])
    return (v0.reshape((v0.shape[0], 1, 1, 1)), v1.reshape((1, v1.shape[0], 1, 1)),
            v2.reshape((1, 1, v2.shape[0], 1)), v3.reshape((1, 1, 1, v3.shape[0])))


def _sj_mgrid(starts, stops, steps, counts):
    axes = _sj_grid_axes(starts, stops, steps, counts)
    n = len(axes)
    if n == 1:
        out = np.empty((1, axes[0].shape[0]), axes[0].dtype)
        out[0] = axes[0]
    elif n == 2:
        out = np.empty((2, axes[0].shape[0], axes[1].shape[1]), axes[0].dtype)
        out[0] = axes[0]
        out[1] = axes[1]
    elif n == 3:
        out = np.empty((3, axes[0].shape[0], axes[1].shape[1], axes[2].shape[2]), axes[0].dtype)
        out[0] = axes[0]
        out[1] = axes[1]
        out[2] = axes[2]
    else:
        out = np.empty((4, axes[0].shape[0], axes[1].shape[1], axes[2].shape[2], axes[3].shape[3]), axes[0].dtype)
        out[0] = axes[0]
        out[1] = axes[1]
        out[2] = axes[2]
        out[3] = axes[3]
    return out


def _sj_ogrid(starts, stops, steps, counts):
    axes = _sj_grid_axes(starts, stops, steps, counts)
    if len(axes) == 1:
        return [axes[0]]
    if len(axes) == 2:
        return [axes[0], axes[1]]
    if len(axes) == 3:
        return [axes[0], axes[1], axes[2]]
    return [axes[0], axes[1], axes[2], axes[3]]


# ---------------------------------------------------------------- modf, frexp, ldexp
# Their loops are trunc's (int16 -> float32, wider ints -> float64; float16 inputs are not supported). Numbers and 0-d
# arrays go through a 1-element array and come back as numbers of the loop's type, as NumPy's do.


def _one_item(x):
    # x as a 1-d array of one item, when it is a number or a 0-d array (else x itself).
    if not _sj_is_array(x):
        return np.asarray(x).reshape(1)
    if x.ndim == 0:
        return x.reshape(1)
    return x


@overload("numpy.modf", narrow=True)
def modf(x):
    # C's modf: the fractional and integral parts, both with x's sign; an infinity's fractional part is 0.
    if not _sj_is_array(x):
        f, i = modf(_one_item(x))
        return f[0], i[0]
    if x.ndim == 0:
        f, i = modf(_one_item(x))
        return f[0], i[0]
    whole = np.trunc(x)
    return np.copysign(np.where(np.isinf(whole), 0, x - whole), whole), whole


@overload("numpy.frexp", narrow=True)
def frexp(x):
    # The mantissa (0.5 <= |m| < 1, or x itself for 0, inf and nan) in the loop's type and the exponent as int32.
    if not _sj_is_array(x):
        m, e = frexp(_one_item(x))
        return m[0], e[0]
    if x.ndim == 0:
        m, e = frexp(_one_item(x))
        return m[0], e[0]
    mantissa = np.empty(x.shape, np.trunc(x[:0]).dtype)   # trunc's loop dtype, from an empty view (no pass over x)
    exponent = np.empty(x.shape, np.int32)
    items = x.ravel()
    m = mantissa.reshape(-1)
    e = exponent.reshape(-1)
    for k in range(m.size):
        mk, ek = math.frexp(items[k])
        m[k] = mk
        e[k] = ek
    return mantissa, exponent


def _ldexp_type_error():
    raise TypeError("ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any "
                    "supported types according to the casting rule ''safe''")


@overload("numpy.ldexp", narrow=True)
def ldexp(x1, x2):
    # x1 * 2**x2 rounded once, as C's scalbn does it: the exponent applied in at most three exact steps, the last one
    # rounding (in float64; a float32 result is that product rounded once more, which is exact for float32's range).
    if not _sj_is_array(x1):
        if not _sj_is_array(x2):
            return ldexp(_one_item(x1), _one_item(x2))[0]
        if x2.ndim == 0:
            return ldexp(_one_item(x1), _one_item(x2))[0]
    elif x1.ndim == 0:
        if not _sj_is_array(x2):
            return ldexp(_one_item(x1), _one_item(x2))[0]
        if x2.ndim == 0:
            return ldexp(_one_item(x1), _one_item(x2))[0]
    if _sj_is_array(x2):
        if x2.dtype == np.uint64 or x2.dtype == np.float64 or x2.dtype == np.float32:
            _ldexp_type_error()
        if x2.dtype == np.complex128 or x2.dtype == np.complex64:
            _ldexp_type_error()
    elif isinstance(x2, float) or isinstance(x2, complex):
        _ldexp_type_error()
    a = _one_item(x1)
    b = _one_item(x2)
    # both broadcast to the result's shape
    y = a.astype(np.float64) + np.zeros(b.shape)
    n = np.clip(b.astype(np.int64) + np.zeros(a.shape, np.int64), -2200, 2200)
    for _ in range(2):
        y = np.where(n > 1023, y * 8.98846567431158e307, y)
        n = np.where(n > 1023, n - 1023, n)
        y = np.where(n < -1022, y * 2.0041683600089728e-292, y)
        n = np.where(n < -1022, n + 969, n)
    r = y * np.power(2.0, np.clip(n, -1022, 1023).astype(np.float64))
    return r.astype(np.trunc(a[:0]).dtype)   # trunc's loop dtype, from an empty view


def _setitem_sequence(a, index, value):
    # a[index] = (1.0, 2.0) or a list of numbers: stored as the array NumPy makes of the sequence (broadcast as any
    # array is; a sequence stored into one element is NumPy's "setting an array element with a sequence.")
    a[index] = np.asarray(value)
