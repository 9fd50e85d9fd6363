# NumPy's shape routines and the ndarray methods that go with them, written in Python: np.reshape, ravel, squeeze,
# expand_dims, moveaxis, atleast_1d/2d/3d, flip, fliplr, flipud, rot90, split, array_split, hsplit, vsplit, dsplit,
# frombuffer, append, delete, insert,
# resize, diagonal, trace, round/around, and a.swapaxes, a.squeeze, a.round, a.dot, a.diagonal, a.trace,
# a.conj/a.conjugate, a.tolist, a.view. Views share memory where NumPy returns views: they are made by
# _sj_view(a, dtype, offset, shape, strides, readonly) (Library/Arrays.Shape.cs) from the shape and strides (tuples,
# in bytes) computed here. Axes out of range raise NumPy's AxisError, with its message.
import numpy as np


def _reject(message):
    # A form compiled code does not support: a TypeError at run time with a message saying so (the caller keeps
    # being typed after it; see numpy.py's _unsupported).
    raise TypeError(message)


def _value_error(message):
    raise ValueError(message)


def _as_tuple(template, items):
    # The first len(template) items of the list items as a tuple (len(template) is known while typing).
    n = len(template)
    if n == 0:
        return ()
    if n == 1:
        return (items[0],)
    if n == 2:
        return (items[0], items[1])
    if n == 3:
        return (items[0], items[1], items[2])
    if n == 4:
        return (items[0], items[1], items[2], items[3])
    if n == 5:
        return (items[0], items[1], items[2], items[3], items[4])
    if n == 6:
        return (items[0], items[1], items[2], items[3], items[4], items[5])
    if n == 7:
        return (items[0], items[1], items[2], items[3], items[4], items[5], items[6])
    if n == 8:
        return (items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7])
    _reject("arrays of more than 8 dimensions are not supported by this routine in compiled code")
    return template


def _view(a, offset, shape, strides, template):
    # A view of a (its dtype; writable as a is) with shape and strides given as lists, as many as template's items.
    return _sj_view(a, a.dtype, offset, _as_tuple(template, shape), _as_tuple(template, strides), False)


def _shape_list(a):
    if a.ndim == 0:
        return [0] * 0
    return [a.shape[k] for k in range(a.ndim)]


def _strides_list(a):
    if a.ndim == 0:
        return [0] * 0
    return [a.strides[k] for k in range(a.ndim)]


def _axis(axis, ndim, name):
    # A possibly negative axis as an index, or NumPy's AxisError naming the argument (name: "" or "axis1: "); not an
    # integer: operator.index's TypeError, as NumPy raises it.
    if isinstance(axis, str):
        raise TypeError("'str' object cannot be interpreted as an integer")
    if isinstance(axis, float):
        raise TypeError("integer argument expected, got float")
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"{name}axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


def _axes(axis, ndim, name, repeated):
    # NumPy's normalize_axis_tuple: an int or a tuple or list of ints, each in range, none repeated (repeated: the
    # message for a repeated one), as a list of non-negative axes.
    if isinstance(axis, int):
        return [_axis(axis, ndim, name)]
    if isinstance(axis, float):
        raise TypeError("'float' object is not iterable")
    out = [_axis(ax, ndim, name) for ax in axis]
    for i in range(len(out)):
        for j in range(i):
            if out[i] == out[j]:
                raise ValueError(repeated)
    return out


def _as_array(a):
    if _sj_is_array(a):
        return a
    return np.asarray(a)


# ---------------------------------------------------------------- reshape and ravel


def _c_contiguous(a):
    # NumPy's C-contiguous flag: axes of length 1 do not count, an empty array is contiguous.
    if _sj_is_c(a):
        return True
    expected = a.itemsize
    for k in range(a.ndim - 1, -1, -1):
        n = a.shape[k]
        if n == 0:
            return True
        if n != 1:
            if a.strides[k] != expected:
                return False
            expected *= n
    return True


def _shape_tuple(newshape):
    if isinstance(newshape, int):
        return (newshape,)
    return newshape


def _fixed_shape(a, shape):
    # The requested shape with its unknown (negative) dimension filled in, or NumPy's error (raised by the array
    # method's check, which has NumPy's messages).
    size = a.size
    dims = [shape[k] for k in range(len(shape))]
    unknown = -1
    known = 1
    bad = False
    for k in range(len(dims)):
        if dims[k] < 0:
            if unknown >= 0:
                bad = True
            unknown = k
        else:
            known *= dims[k]
    if unknown >= 0:
        if known == 0 or size % known != 0:
            bad = True
        else:
            dims[unknown] = size // known
    elif known != size:
        bad = True
    if bad:
        # The C-contiguous method raises NumPy's message for this size and shape.
        np.empty(size, np.bool_).reshape(shape)
    return dims


def _nocopy_strides(a, dims):
    # NumPy's _attempt_nocopy_reshape (C order): the strides of a view of a with shape dims, or None when the
    # elements are not laid out for one.
    olddims = [a.shape[k] for k in range(a.ndim) if a.shape[k] != 1]
    oldstrides = [a.strides[k] for k in range(a.ndim) if a.shape[k] != 1]
    oldnd = len(olddims)
    newnd = len(dims)
    newstrides = [0] * newnd
    oi = 0
    oj = 1
    ni = 0
    nj = 1
    while ni < newnd and oi < oldnd:
        np_ = dims[ni]
        op = olddims[oi]
        while np_ != op:
            if np_ < op:
                np_ *= dims[nj]
                nj += 1
            else:
                op *= olddims[oj]
                oj += 1
        for ok in range(oi, oj - 1):
            if oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1]:
                return newstrides, False
        newstrides[nj - 1] = oldstrides[oj - 1]
        for nk in range(nj - 1, ni, -1):
            newstrides[nk - 1] = newstrides[nk] * dims[nk]
        ni = nj
        nj += 1
        oi = oj
        oj += 1
    last = a.itemsize
    if ni >= 1:
        last = newstrides[ni - 1]
    for nk in range(ni, newnd):
        newstrides[nk] = last
    return newstrides, True


def _reshape(a, shape):
    # a reshaped (shape: a tuple of ints): a view where NumPy makes one, else a C-ordered copy.
    if _sj_is_c(a):
        return a.reshape(shape)
    dims = _fixed_shape(a, shape)
    if len(shape) == a.ndim:
        same = True
        for k in range(len(dims)):
            if dims[k] != a.shape[k]:
                same = False
        if same:
            return _view(a, 0, dims, _strides_list(a), shape)
    if a.size != 0 and not _c_contiguous(a):
        strides, ok = _nocopy_strides(a, dims)
        if ok:
            return _view(a, 0, dims, strides, shape)
        return a.copy().reshape(_as_tuple(shape, dims))
    # Contiguous: C strides over the same memory (NumPy's: an axis of length 0 counts as 1).
    strides = [0] * len(dims)
    s = a.itemsize
    for k in range(len(dims) - 1, -1, -1):
        strides[k] = s
        if dims[k] != 0:
            s *= dims[k]
    return _view(a, 0, dims, strides, shape)


def _reshape_fortran(a, shape):
    # order='F' (the first index changing fastest): the C-order reshape of the transpose, transposed back; a view
    # where NumPy makes one (a Fortran-contiguous array), else a copy. The shape is checked first, so that NumPy's
    # error names it as given.
    _fixed_shape(a, shape)
    return _reshape(a.T, shape[::-1]).T


@overload("numpy.reshape")
def reshape(a, newshape, order=None):
    # order chooses the code, so it is a literal: the default (None here, 'C' in NumPy) goes on as 'C'.
    if order is None:
        return _reshape_ordered(_as_array(a), _shape_tuple(newshape), "C")
    return _reshape_ordered(_as_array(a), _shape_tuple(newshape), order)


def _reshape_ordered(a, shape, order):
    if order == "C":
        return _reshape(a, shape)
    if order == "F":
        return _reshape_fortran(a, shape)
    return a.reshape(shape, order=order)


@overload("numpy.ravel")
def ravel(a, order=None):
    if order is None:
        return _ravel(_as_array(a), "C")
    return _ravel(_as_array(a), order)


def _ravel(a, order):
    if order == "F":
        return _ravel(a.T, "C")
    if order != "C":
        return a.ravel(order)
    a = _as_array(a)
    if _sj_is_c(a):
        return a.ravel()
    # NumPy's ravel: a view only of a C-contiguous array (reshape may view more).
    if _c_contiguous(a):
        return _sj_view(a, a.dtype, 0, (a.size,), (a.itemsize,), False)
    return a.flatten()


# ---------------------------------------------------------------- adding and removing axes of length 1


def _squeeze(a, axis):
    if axis is None:
        if a.ndim == 0:
            return a
        _sj_reject("np.squeeze() and a.squeeze() without axis= are not supported in compiled code: which axes have length 1, and so how many dimensions the result has, is known only at run time; pass axis= (an int or a tuple of ints)", a)
        return a
    if isinstance(axis, int):
        drop = [_axis(axis, a.ndim, "")]
        template = a.shape[1:]
    else:
        drop = [_axis(ax, a.ndim, "") for ax in axis]
        for i in range(len(drop)):
            for j in range(i):
                if drop[i] == drop[j]:
                    raise ValueError("duplicate value in 'axis'")
        template = a.shape[len(axis):]
    for ax in drop:
        if a.shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
    dims = _shape_list(a)
    steps = _strides_list(a)
    shape = [dims[k] for k in range(a.ndim) if k not in drop]
    strides = [steps[k] for k in range(a.ndim) if k not in drop]
    return _view(a, 0, shape, strides, template)


@overload("numpy.squeeze")
def squeeze(a, axis=None):
    return _squeeze(_as_array(a), axis)


def _method_squeeze(a, axis):
    return _squeeze(a, axis)


@overload("numpy.expand_dims")
def expand_dims(a, axis):
    a = _as_array(a)
    if isinstance(axis, int):
        template = a.shape + (1,)
    else:
        template = a.shape + axis
    out_ndim = len(template)
    axes = _axes(axis, out_ndim, "", "repeated axis")
    shape = [1] * out_ndim
    dims = _shape_list(a)
    k = 0
    for ax in range(out_ndim):
        if ax not in axes:
            shape[ax] = dims[k]
            k += 1
    return _reshape(a, _as_tuple(template, shape))


@overload("numpy.atleast_1d")
def atleast_1d(*arys):
    if len(arys) == 1:
        return _atleast(arys[0], 1)
    return [_atleast(x, 1) for x in arys]


@overload("numpy.atleast_2d")
def atleast_2d(*arys):
    if len(arys) == 1:
        return _atleast(arys[0], 2)
    return [_atleast(x, 2) for x in arys]


@overload("numpy.atleast_3d")
def atleast_3d(*arys):
    if len(arys) == 1:
        return _atleast(arys[0], 3)
    return [_atleast(x, 3) for x in arys]


def _atleast(x, n):
    # NumPy's atleast_1d/2d/3d of one value: a number becomes an array; views of arrays with too few dimensions.
    if isinstance(x, bool) or isinstance(x, int) or isinstance(x, float) or isinstance(x, complex):
        a = np.array([x])
        if n == 1:
            return a
        if n == 2:
            return a.reshape(1, 1)
        return a.reshape(1, 1, 1)
    a = _as_array(x)
    if a.ndim == 0:
        if n == 1:
            return a.reshape(1)
        if n == 2:
            return a.reshape(1, 1)
        return a.reshape(1, 1, 1)
    if a.ndim == 1:
        if n == 1:
            return a
        if n == 2:
            return a[None, :]
        return a[None, :, None]
    if a.ndim == 2:
        if n == 3:
            return a[:, :, None]
        return a
    return a


# ---------------------------------------------------------------- moving axes, flipping, rotating


@overload("numpy.moveaxis")
def moveaxis(a, source, destination):
    a = _as_array(a)
    n = a.ndim
    src = _axes(source, n, "source: ", "repeated axis in `source` argument")
    dst = _axes(destination, n, "destination: ", "repeated axis in `destination` argument")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    order = [k for k in range(n) if k not in src]
    # NumPy inserts each source axis at its destination, in the order of the destinations.
    for d in range(n):
        for i in range(len(dst)):
            if dst[i] == d:
                order.insert(d, src[i])
    shape = [a.shape[order[k]] for k in range(n)]
    strides = [a.strides[order[k]] for k in range(n)]
    return _view(a, 0, shape, strides, a.shape)


def _method_swapaxes(a, axis1, axis2):
    return np.swapaxes(a, axis1, axis2)


@overload("numpy.flip")
def flip(m, axis=None):
    # A view with the given axes reversed (an int, a tuple or a list of them; every axis when None), any number of
    # dimensions; a 0-d array's one item, as NumPy's m[()].
    m = _as_array(m)
    n = m.ndim
    if n == 0 and axis is None:
        return m[()]
    shape = _shape_list(m)
    strides = _strides_list(m)
    offset = 0
    if axis is None:
        for ax in range(n):
            offset += _flip_axis(shape, strides, ax)
    else:
        for ax in _axes(axis, n, "", "repeated axis"):
            offset += _flip_axis(shape, strides, ax)
    return _view(m, offset, shape, strides, m.shape)


@overload("numpy.fliplr")
def fliplr(m):
    m = _as_array(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]


@overload("numpy.flipud")
def flipud(m):
    m = _as_array(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1, ...]


@overload("numpy.rot90")
def rot90(m, k=1, axes=(0, 1)):
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = _as_array(m)
    n = m.ndim
    a0 = axes[0]
    a1 = axes[1]
    if a0 == a1 or abs(a0 - a1) == n:
        raise ValueError("Axes must be different.")
    if a0 >= n or a0 < -n or a1 >= n or a1 < -n:
        raise ValueError(f"Axes=({a0}, {a1}) out of range for array of ndim={n}.")
    if a0 < 0:
        a0 += n
    if a1 < 0:
        a1 += n
    k = k % 4
    shape = _shape_list(m)
    strides = _strides_list(m)
    offset = 0
    if k == 2:
        offset += _flip_axis(shape, strides, a0)
        offset += _flip_axis(shape, strides, a1)
    elif k == 1:
        # transpose(flip(m, a1)) with a0 and a1 exchanged
        offset += _flip_axis(shape, strides, a1)
        _swap(shape, strides, a0, a1)
    elif k == 3:
        # flip(transpose(m), a1)
        _swap(shape, strides, a0, a1)
        offset += _flip_axis(shape, strides, a1)
    return _view(m, offset, shape, strides, m.shape)


def _flip_axis(shape, strides, ax):
    # Reverses axis ax of a view's shape and strides; returns the byte offset of the new first element.
    offset = 0
    if shape[ax] > 0:
        offset = (shape[ax] - 1) * strides[ax]
    strides[ax] = -strides[ax]
    return offset


def _swap(shape, strides, i, j):
    shape[i], shape[j] = shape[j], shape[i]
    strides[i], strides[j] = strides[j], strides[i]


# ---------------------------------------------------------------- splitting


def _section(a, ax, start, stop):
    # a[..., start:stop, ...] on axis ax, with a slice's clipping of start and stop.
    n = a.shape[ax]
    if start < 0:
        start += n
        if start < 0:
            start = 0
    elif start > n:
        start = n
    if stop < 0:
        stop += n
        if stop < 0:
            stop = 0
    elif stop > n:
        stop = n
    length = stop - start
    if length < 0:
        length = 0
    shape = _shape_list(a)
    strides = _strides_list(a)
    shape[ax] = length
    offset = 0
    if length > 0:
        offset = start * strides[ax]
    return _view(a, offset, shape, strides, a.shape)


def _split_axis(a, axis):
    # ary.shape[axis] in NumPy's split: a negative axis counts from the end, one out of range is a tuple's IndexError.
    n = a.ndim
    if axis >= n or axis < -n:
        raise IndexError("tuple index out of range")
    if axis < 0:
        return axis + n
    return axis


def _array_split(a, sections, ax, equal):
    if isinstance(sections, int):
        total = a.shape[ax]
        if equal:
            if total % sections:
                raise ValueError("array split does not result in an equal division")
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each = total // sections
        extras = total % sections
        # the first `extras` sections have one more item
        return [_section(a, ax, i * each + min(i, extras), (i + 1) * each + min(i + 1, extras)) for i in range(sections)]
    idx = _as_array(sections)
    m = idx.shape[0]
    points = [0] * (m + 2)
    for i in range(m):
        points[i + 1] = int(idx[i])
    points[m + 1] = a.shape[ax]
    return [_section(a, ax, points[i], points[i + 1]) for i in range(m + 1)]


@overload("numpy.split")
def split(ary, indices_or_sections, axis=0):
    a = _as_array(ary)
    return _array_split(a, indices_or_sections, _split_axis(a, axis), True)


@overload("numpy.array_split")
def array_split(ary, indices_or_sections, axis=0):
    a = _as_array(ary)
    return _array_split(a, indices_or_sections, _split_axis(a, axis), False)


@overload("numpy.hsplit")
def hsplit(ary, indices_or_sections):
    a = _as_array(ary)
    return _split_along(a, indices_or_sections, 1, 1 if a.ndim > 1 else 0, "hsplit")


@overload("numpy.vsplit")
def vsplit(ary, indices_or_sections):
    return _split_along(_as_array(ary), indices_or_sections, 2, 0, "vsplit")


@overload("numpy.dsplit")
def dsplit(ary, indices_or_sections):
    return _split_along(_as_array(ary), indices_or_sections, 3, 2, "dsplit")


def _split_along(a, sections, least, ax, name):
    # np.split along ax of an array of at least `least` dimensions, else NumPy's ValueError (the split after it is
    # typed on a 1-d form and never runs).
    if a.ndim < least:
        _value_error(name + " only works on arrays of " + str(least) + " or more dimensions")
        return _array_split(np.atleast_1d(a), sections, 0, True)
    return _array_split(a, sections, ax, True)


# ---------------------------------------------------------------- append, delete, insert, resize


@overload("numpy.append")
def append(arr, values, axis=None):
    a = _as_array(arr)
    if axis is None:
        return np.concatenate((ravel(a), ravel(values)))
    return np.concatenate((a, _as_array(values)), axis)


def _keep_along(a, keep, ax):
    # The entries of a along axis ax whose keep is True, in a new array.
    count = 0
    for i in range(keep.shape[0]):
        if keep[i]:
            count += 1
    shape = _shape_list(a)
    shape[ax] = count
    out = np.empty(_as_tuple(a.shape, shape), a.dtype)
    src = _sj_swapaxes(a, 0, ax)
    dst = _sj_swapaxes(out, 0, ax)
    j = 0
    for i in range(keep.shape[0]):
        if keep[i]:
            dst[j] = src[i]
            j += 1
    return out


@overload("numpy.delete")
def delete(arr, obj, axis=None):
    a = _as_array(arr)
    if axis is None:
        return _delete(ravel(a), obj, 0)
    return _delete(a, obj, _axis(axis, a.ndim, ""))


def _delete(a, obj, ax):
    n = a.shape[ax]
    keep = np.ones(n, np.bool_)
    if isinstance(obj, int):
        if obj < -n or obj >= n:
            raise IndexError(f"index {obj} is out of bounds for axis {ax} with size {n}")
        keep[obj] = False
    elif isinstance(obj, list) or isinstance(obj, tuple) or _sj_is_array(obj):
        idx = _as_array(obj)
        if idx.dtype == np.bool_:
            if idx.ndim != 1 or idx.shape[0] != n:
                raise ValueError(f"boolean array argument obj to delete must be one dimensional and match the axis length of {n}")
            for i in range(n):
                if idx[i]:
                    keep[i] = False
        else:
            flat = idx.ravel()
            for i in range(flat.shape[0]):
                j = flat[i]
                if j < -n or j >= n:
                    raise IndexError(f"index {j} is out of bounds for axis {ax} with size {n}")
                keep[j] = False
    else:
        keep[obj] = False
    return _keep_along(a, keep, ax)


@overload("numpy.insert")
def insert(arr, obj, values, axis=None):
    a = _as_array(arr)
    if axis is None:
        return _insert(ravel(a), obj, values, 0)
    return _insert(a, obj, values, _axis(axis, a.ndim, ""))


def _insert(a, obj, values, ax):
    n = a.shape[ax]
    if isinstance(obj, int):
        # One index: NumPy gives the values at least the array's dimensions (leading ones) and moves their first
        # axis to `axis`; as many entries are inserted as they then have along it.
        if obj < -n or obj > n:
            raise IndexError(f"index {obj} is out of bounds for axis {ax} with size {n}")
        at = obj
        if at < 0:
            at += n
        return _insert_block(a, at, moveaxis(_ndmin(_as_array(values), a), 0, ax), ax)
    idx = _as_array(obj)
    if idx.dtype == np.bool_:
        _sj_reject("np.insert() with a boolean obj is not supported in compiled code", idx)
    if idx.ndim > 1:
        raise ValueError("index array argument obj to insert must be one dimensional or scalar")
    m = idx.shape[0]
    if m == 1:
        # A sequence of one index: as one index, the values' axes left in place.
        at = idx[0]
        if at < -n or at > n:
            raise IndexError(f"index {obj} is out of bounds for axis {ax} with size {n}")
        if at < 0:
            at += n
        return _insert_block(a, at, _ndmin(_as_array(values), a), ax)
    # Several indices: each value goes before its index in the original array, stably in the order of the indices;
    # the values are broadcast to the inserted entries.
    total = n + m
    pos = np.empty(m, np.int64)
    for i in range(m):
        j = idx[i]
        if j < 0:
            j += n
        pos[i] = j
    order = np.argsort(pos, kind="mergesort")
    final = np.empty(m, np.int64)
    for i in range(m):
        final[order[i]] = pos[order[i]] + i
    is_new = np.zeros(total, np.bool_)
    for i in range(m):
        f = final[i]
        if f < -total or f >= total:
            raise IndexError(f"index {f} is out of bounds for axis {ax} with size {total}")
        if f < 0:
            f += total
            final[i] = f
        is_new[f] = True
    shape = _shape_list(a)
    shape[ax] = total
    out = np.empty(_as_tuple(a.shape, shape), a.dtype)
    shape[ax] = m
    vals = np.empty(_as_tuple(a.shape, shape), a.dtype)
    vals[...] = _as_array(values)
    dst = _sj_swapaxes(out, 0, ax)
    src = _sj_swapaxes(a, 0, ax)
    vsrc = _sj_swapaxes(vals, 0, ax)
    j = 0
    for i in range(total):
        if not is_new[i]:
            dst[i] = src[j]
            j += 1
    for i in range(m):
        dst[final[i]] = vsrc[i]
    return out


def _ndmin(v, a):
    # np.array(v, ndmin=a.ndim): leading axes of length 1 added.
    if v.ndim >= a.ndim:
        return v
    shape = [1] * a.ndim
    d = a.ndim - v.ndim
    dims = _shape_list(v)
    for k in range(v.ndim):
        shape[d + k] = dims[k]
    return _reshape(v, _as_tuple(a.shape, shape))


def _insert_block(a, at, v, ax):
    # a with the entries v (as many as v has along axis ax, broadcast) inserted before index at of axis ax.
    n = a.shape[ax]
    count = v.shape[ax]
    shape = _shape_list(a)
    shape[ax] = n + count
    out = np.empty(_as_tuple(a.shape, shape), a.dtype)
    src = _sj_swapaxes(a, 0, ax)
    dst = _sj_swapaxes(out, 0, ax)
    dst[:at] = src[:at]
    dst[at + count:] = src[at:]
    dst[at:at + count] = _sj_swapaxes(v, 0, ax)
    return out


@overload("numpy.resize")
def resize(a, new_shape):
    a = ravel(_as_array(a))
    shape = _shape_tuple(new_shape)
    new_size = 1
    for k in range(len(shape)):
        new_size *= shape[k]
        if shape[k] < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
    out = np.zeros(shape, a.dtype)
    n = a.shape[0]
    if n == 0 or new_size == 0:
        return out
    flat = out.reshape(-1)
    for i in range(new_size):
        flat[i] = a[i % n]
    return out


# ---------------------------------------------------------------- diagonals


def _diagonal(a, offset, axis1, axis2):
    # NumPy 1.24's a.diagonal(): a read-only view (writes are NumPy's "assignment destination is read-only"), the
    # two axes removed and the diagonal's axis last.
    n = a.ndim
    if n < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    i = _axis(axis1, n, "axis1: ")
    j = _axis(axis2, n, "axis2: ")
    if i == j:
        raise ValueError("axis1 and axis2 cannot be the same")
    rows = a.shape[i]
    cols = a.shape[j]
    start = 0
    if offset >= 0:
        length = min(rows, cols - offset)
        start = offset * a.strides[j]
    else:
        length = min(rows + offset, cols)
        start = -offset * a.strides[i]
    if length <= 0:
        length = 0
        start = 0
    shape = [a.shape[k] for k in range(n) if k != i and k != j]
    strides = [a.strides[k] for k in range(n) if k != i and k != j]
    shape.append(length)
    strides.append(a.strides[i] + a.strides[j])
    template = a.shape[1:]
    return _sj_view(a, a.dtype, start, _as_tuple(template, shape), _as_tuple(template, strides), True)


@overload("numpy.diagonal")
def diagonal(a, offset=0, axis1=0, axis2=1):
    return _diagonal(_as_array(a), offset, axis1, axis2)


def _method_diagonal(a, offset, axis1, axis2):
    return _diagonal(a, offset, axis1, axis2)


def _trace(a, offset, axis1, axis2, dtype, out):
    if out is not None:
        _sj_reject("trace(out=) is not supported in compiled code", a, out)
    d = _diagonal(a, offset, axis1, axis2)
    if dtype is None:
        if d.ndim == 1:
            return d.sum()
        return d.sum(axis=-1)
    # dtype=: summed in that dtype (integers summed in int64 wrap around to the same value, as NumPy's narrower
    # sums do) and the result given that dtype.
    x = d.astype(dtype)
    if d.ndim == 1:
        out = np.empty(1, dtype)
        out[0] = x.sum()
        return out[0]
    return x.sum(axis=-1).astype(dtype)


@overload("numpy.trace")
def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    return _trace(_as_array(a), offset, axis1, axis2, dtype, out)


def _method_trace(a, offset, axis1, axis2, dtype, out):
    return _trace(a, offset, axis1, axis2, dtype, out)


# ---------------------------------------------------------------- rounding


def _power_of_ten(n):
    # NumPy's power_of_ten (calculation.c): exact up to 1e8, then repeated multiplication by 10.
    if n < 9:
        p = 1.0
        for _ in range(n):
            p *= 10.0
        return p
    p = 1e9
    for _ in range(n - 9):
        p *= 10.0
    return p


def _round_real(a, decimals):
    # NumPy's PyArray_Round of a real array: multiply by 10**decimals (divide for negative decimals), round half to
    # even, divide back; integers are returned as they are for decimals >= 0, else computed in float64 and cast back.
    if a.dtype == np.int8 or a.dtype == np.int16 or a.dtype == np.int32 or a.dtype == np.int64 or a.dtype == np.uint8 or a.dtype == np.uint16 or a.dtype == np.uint32 or a.dtype == np.uint64:
        if decimals >= 0:
            return a
        f = _power_of_ten(-decimals)
        return (np.rint(a / f) * f).astype(a.dtype)
    if decimals == 0:
        return np.rint(a)
    if decimals > 0:
        f = _power_of_ten(decimals)
        return np.rint(a * f) / f
    f = _power_of_ten(-decimals)
    return np.rint(a / f) * f


def _round(a, decimals, out):
    if out is not None:
        _sj_reject("round(out=) of an array is not supported in compiled code", a, out)
    if a.ndim == 0:
        # A 0-d array's rounding is a number, as in NumPy.
        return _round(a.reshape(1), decimals, out)[0]
    if a.dtype == np.bool_:
        _sj_reject("round() of a boolean array gives float16 in NumPy, a type compiled code does not have; convert it with astype() first", a)
        return a
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        r = a.copy()
        re = r.real
        im = r.imag
        re[...] = _round_real(a.real, decimals)
        im[...] = _round_real(a.imag, decimals)
        return r
    return _round_real(a, decimals)


@overload("numpy.round")
def np_round(a, decimals=0, out=None):
    if _sj_is_array(a) or isinstance(a, list) or isinstance(a, tuple):
        return _round(_as_array(a), decimals, out)
    if out is not None:
        _sj_reject("np.round(out=) of a number is not supported in compiled code", a, out)
    return _sj_np_round_number(a, decimals)


@overload("numpy.around")
def around(a, decimals=0, out=None):
    if _sj_is_array(a) or isinstance(a, list) or isinstance(a, tuple):
        return _round(_as_array(a), decimals, out)
    if out is not None:
        _sj_reject("np.around(out=) of a number is not supported in compiled code", a, out)
    return _sj_np_around_number(a, decimals)


@overload("numpy.round_")
def round_(a, decimals=0, out=None):
    if _sj_is_array(a) or isinstance(a, list) or isinstance(a, tuple):
        return _round(_as_array(a), decimals, out)
    if out is not None:
        _sj_reject("np.round_(out=) of a number is not supported in compiled code", a, out)
    return _sj_np_round__number(a, decimals)


def _method_round(a, decimals, out):
    return _round(a, decimals, out)


# ---------------------------------------------------------------- other methods


def _method_conjugate(a):
    # NumPy: the complex conjugate of a complex array; any other array itself.
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return np.conjugate(a)
    return a


def _method_conj(a):
    return _method_conjugate(a)


def _method_dot(a, b, out):
    if out is not None:
        _sj_reject("a.dot(b, out=) is not supported in compiled code", a, b, out)
    return np.dot(a, b)


def _item(x, a):
    # An element of a as the Python number tolist() gives.
    if a.dtype == np.bool_:
        return bool(x)
    if a.dtype == np.complex128 or a.dtype == np.complex64:
        return complex(x)
    if a.dtype == np.float64 or a.dtype == np.float32:
        return float(x)
    return int(x)


def _method_tolist(a):
    if a.ndim == 0:
        return a.item()
    if a.ndim == 1:
        return [_item(a[i], a) for i in range(a.shape[0])]
    if a.ndim == 2:
        return [_method_tolist(a[i]) for i in range(a.shape[0])]
    # (A list of lists of lists cannot be built by a comprehension in compiled code yet.)
    _sj_reject("a.tolist() of an array of more than 2 dimensions is not supported in compiled code", a)
    return 0


def _method_view(a, dtype, type):
    if type is not None:
        _sj_reject("a.view(type=) is not supported in compiled code", a, type)
    if dtype is None:
        return a
    new = _sj_itemsize(dtype)
    old = a.itemsize
    if new == old:
        return _sj_retype(a, dtype)
    if a.ndim == 0:
        # a call, so that the method keeps a result type (a raise here would leave it none)
        _value_error("Changing the dtype of a 0d array is only supported if the itemsize is unchanged")
        return a
    ax = a.ndim - 1
    if a.shape[ax] != 1 and a.size != 0 and a.strides[ax] != old:
        raise ValueError("To change to a dtype of a different size, the last axis must be contiguous")
    shape = _shape_list(a)
    strides = _strides_list(a)
    if new < old:
        if old % new != 0:
            raise ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype")
        shape[ax] = shape[ax] * (old // new)
    else:
        total = shape[ax] * old
        if total % new != 0:
            raise ValueError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.")
        shape[ax] = total // new
    strides[ax] = new
    return _sj_view(a, dtype, 0, _as_tuple(a.shape, shape), _as_tuple(a.shape, strides), False)


@overload("numpy.frombuffer")
def frombuffer(buffer, dtype=None, count=-1, offset=0, like=None):
    # An object with the buffer protocol is an array in compiled code (bytes a read-only uint8 one): the result is a
    # 1-d view of its bytes, read-only where the buffer is.
    if like is not None:
        _reject("np.frombuffer(like=) is not supported in compiled code")
    a = _as_array(buffer)
    if dtype is None:
        return _frombuffer(a, np.float64, count, offset)
    return _frombuffer(a, dtype, count, offset)


def _frombuffer(a, dtype, count, offset):
    if not _c_contiguous(a):
        raise ValueError("ndarray is not C-contiguous")
    size = _sj_itemsize(dtype)
    total = a.nbytes
    if offset < 0 or offset > total:
        raise ValueError("offset must be non-negative and no greater than buffer length (" + str(total) + ")")
    if count < 0:
        if (total - offset) % size != 0:
            raise ValueError("buffer size must be a multiple of element size")
        n = (total - offset) // size
    else:
        if total - offset < count * size:
            raise ValueError("buffer is smaller than requested size")
        n = count
    if n > 0 and (a.ctypes.data + offset) % np.dtype(dtype).alignment != 0:
        # NumPy makes an unaligned array; compiled code loads elements at their alignment.
        raise ValueError("np.frombuffer() in compiled code needs the items aligned: this offset leaves them unaligned "
                         "(copy the bytes to an aligned buffer first)")
    return _sj_view(a, dtype, offset, (n,), (size,), False)


def _flags(a, writeable):
    # a.flags (Arrays.cs, a namedtuple of these): c_contiguous, f_contiguous, contiguous, fortran, forc, fnc, writeable,
    # aligned, writebackifcopy, behaved, carray, farray. Contiguity as NumPy 1.24 decides it from the strides (axes of
    # length 1 do not count, an empty array is both); arrays in compiled code are always aligned. NumPy 1.24's
    # farray is true for any aligned array that is not C-contiguous (its test is any of the FARRAY flags).
    c = _is_contiguous(a, True)
    f = _is_contiguous(a, False)
    return (c, f, c, f, c or f, f and not c, writeable, True, False, writeable, writeable and c, not c)


def _is_contiguous(a, c_order):
    if a.size == 0:
        return True
    expected = a.itemsize
    for j in range(a.ndim):
        k = a.ndim - 1 - j if c_order else j
        if a.shape[k] != 1:
            if a.strides[k] != expected:
                return False
            expected *= a.shape[k]
    return True


# ---------------------------------------------------------------- pad


def _pad_pairs(x, nd, as_index):
    # NumPy's _as_pairs: a number, a pair, or one pair per axis as an (nd, 2) array; widths and stat lengths are
    # rounded to integers and must not be negative.
    v = np.asarray(x)
    if as_index:
        v = np.asarray(np.round(v)).astype(np.int64)
    if v.ndim < 3:
        if v.size == 1:
            one = v.ravel()[0]
            if as_index and one < 0:
                raise ValueError("index can't contain negative values")
            out = np.empty((nd, 2), v.dtype)
            out[...] = one
            return out
        if v.size == 2 and not (v.ndim == 2 and v.shape[0] == 2 and v.shape[1] == 1):
            flat = v.ravel()
            if as_index and (flat[0] < 0 or flat[1] < 0):
                raise ValueError("index can't contain negative values")
            out = np.empty((nd, 2), v.dtype)
            out[:, 0] = flat[0]
            out[:, 1] = flat[1]
            return out
    if as_index and v.min() < 0:
        raise ValueError("index can't contain negative values")
    return np.broadcast_to(v, (nd, 2)).copy()


def _signed_integers(a):
    return a.dtype == np.int64 or a.dtype == np.int32 or a.dtype == np.int16 or a.dtype == np.int8


def _pad_kwarg(mode, name):
    raise ValueError("unsupported keyword arguments for mode '" + mode + "': {'" + name + "'}")


def _pad_along(a, k, start, stop):
    # a's items start:stop along axis k, as an any-strided view in a's own axis order.
    last = a.ndim - 1
    return _sj_swapaxes(_sj_swapaxes(a, k, last)[..., start:stop], k, last)


def _pad_roi(padded, widths, shape, axis):
    # NumPy's _view_roi: padded with every axis after `axis` cut to the original area (the corners are filled by the
    # later axes, from values the earlier axes padded).
    roi = _sj_swapaxes(padded, 0, 0)
    for k in range(axis + 1, padded.ndim):
        roi = _pad_along(roi, k, widths[k, 0], widths[k, 0] + shape[k])
    return roi


def _pad_ramp(b, at, width, end, edge, step_back):
    # NumPy's linspace(end, edge, width, endpoint=False, dtype=b.dtype) along axis 0 of b, written to b[at:at+width]
    # (reversed where step_back). end: the end value as a 1-item array; edge: b's edge line, as b[k:k+1]. NumPy
    # works in float64, or in b's dtype where that is float32 or complex: i * step + end (i / width * delta + end
    # where any step is 0), floored for integer arrays.
    if b.dtype == np.float32 or b.dtype == np.complex64 or b.dtype == np.complex128:
        ar = np.arange(width).astype(b.dtype)
        start = end.astype(b.dtype)
        delta = edge.astype(b.dtype) - start
    else:
        ar = np.arange(width).astype(np.float64)
        start = end.astype(np.float64)
        delta = edge.astype(np.float64) - start
    step = delta / width
    zero = np.any(step == 0)
    if zero:
        ar = ar / width
    for i in range(width):
        if zero:
            y = ar[i] * delta + start
        else:
            y = ar[i] * step + start
        j = at + i
        if step_back:
            j = at + width - 1 - i
        if b.dtype == np.int64 or b.dtype == np.int32 or b.dtype == np.int16 or b.dtype == np.int8 or b.dtype == np.uint64 or b.dtype == np.uint32 or b.dtype == np.uint16 or b.dtype == np.uint8:
            b[j:j + 1] = np.floor(y)
        else:
            b[j:j + 1] = y


def _pad_stat(b, at, length, mode):
    # The statistic of b[at:at+length] along axis 0, rounded for integer arrays as NumPy's
    # _round_if_needed does.
    chunk = b[at:at + length]
    if mode == "maximum":
        return chunk.max(axis=0)
    if mode == "minimum":
        return chunk.min(axis=0)
    if mode == "mean":
        s = chunk.mean(axis=0)
    else:
        s = np.median(chunk, axis=0)
    if b.dtype == np.int64 or b.dtype == np.int32 or b.dtype == np.int16 or b.dtype == np.int8 or b.dtype == np.uint64 or b.dtype == np.uint32 or b.dtype == np.uint16 or b.dtype == np.uint8:
        return np.round(s)
    return s


def _pad_reflect(b, left_pad, right_pad, odd, include_edge):
    # NumPy's _set_reflect_both on axis 0 of b: one reflection on each side; returns the widths left to fill.
    n = b.shape[0]
    old_length = n - right_pad - left_pad
    edge_offset = 1
    if not include_edge:
        edge_offset = 0
        old_length -= 1
    if left_pad > 0:
        chunk_length = min(old_length, left_pad)
        stop = left_pad - edge_offset
        start = stop + chunk_length
        if odd:
            b[left_pad - chunk_length:left_pad] = 2 * b[left_pad:left_pad + 1] - b[start:stop:-1]
        else:
            b[left_pad - chunk_length:left_pad] = b[start:stop:-1]
        left_pad -= chunk_length
    if right_pad > 0:
        chunk_length = min(old_length, right_pad)
        start = -right_pad + edge_offset - 2
        stop = start - chunk_length
        at = n - right_pad
        if odd:
            b[at:at + chunk_length] = 2 * b[-right_pad - 1:-right_pad] - b[start:stop:-1]
        else:
            b[at:at + chunk_length] = b[start:stop:-1]
        right_pad -= chunk_length
    return left_pad, right_pad


def _pad_wrap(b, left_pad, right_pad):
    # NumPy's _set_wrap_both on axis 0 of b: one period on each side; returns the widths left to fill.
    n = b.shape[0]
    period = n - right_pad - left_pad
    new_left_pad = 0
    new_right_pad = 0
    if left_pad > 0:
        take = min(period, left_pad)
        if left_pad > period:
            b[left_pad - period:left_pad] = b[n - right_pad - take:n - right_pad]
            new_left_pad = left_pad - period
        else:
            b[:left_pad] = b[n - right_pad - take:n - right_pad]
    if right_pad > 0:
        take = min(period, right_pad)
        if right_pad > period:
            b[n - right_pad:n - right_pad + period] = b[left_pad:left_pad + take]
            new_right_pad = right_pad - period
        else:
            b[n - right_pad:] = b[left_pad:left_pad + take]
    return new_left_pad, new_right_pad


@overload("numpy.pad")
def pad(array, pad_width, mode=None, stat_length=None, constant_values=None, end_values=None, reflect_type=None):
    # The mode chooses the code, so it is a literal: its default ('constant' in NumPy) is passed on as one.
    if mode is None:
        return _pad(_as_array(array), pad_width, "constant", stat_length, constant_values, end_values, reflect_type)
    if not isinstance(mode, str):
        _sj_reject("np.pad() takes the mode as a string in compiled code (a padding function is not supported)", mode)
    return _pad(_as_array(array), pad_width, mode, stat_length, constant_values, end_values, reflect_type)


def _pad(a, pad_width, mode, stat_length, constant_values, end_values, reflect_type):
    # NumPy 1.24's np.pad (numpy/lib/arraypad.py), axis by axis, each axis seen as axis 0 of a view.
    w = np.asarray(pad_width)
    if not _signed_integers(w):
        raise TypeError("`pad_width` must be of integral type.")
    widths = _pad_pairs(w, a.ndim, True)
    stat = mode == "maximum" or mode == "minimum" or mode == "mean" or mode == "median"
    reflect = mode == "reflect" or mode == "symmetric"
    if not (stat or reflect or mode == "constant" or mode == "empty" or mode == "edge" or mode == "wrap" or mode == "linear_ramp"):
        raise ValueError("mode '" + mode + "' is not supported")
    if constant_values is not None and mode != "constant":
        _pad_kwarg(mode, "constant_values")
    if end_values is not None and mode != "linear_ramp":
        _pad_kwarg(mode, "end_values")
    if stat_length is not None and not stat:
        _pad_kwarg(mode, "stat_length")
    if reflect_type is not None and not reflect:
        _pad_kwarg(mode, "reflect_type")
    nd = a.ndim
    if nd == 0:
        return a.copy()
    new = [a.shape[k] + widths[k, 0] + widths[k, 1] for k in range(nd)]
    # NumPy's order: Fortran where the array is Fortran-ordered (and not also C-ordered), else C.
    if _sj_is_f(a) and nd > 1:
        padded = np.empty(_as_tuple(a.shape, new[::-1]), a.dtype).T
    else:
        padded = np.empty(_as_tuple(a.shape, new), a.dtype)
    _pad_roi(padded, widths, a.shape, -1)[...] = a
    if mode == "constant":
        values = _pad_pairs(0, nd, False)
        if constant_values is not None:
            values = _pad_pairs(constant_values, nd, False)
        for axis in range(nd):
            b = _sj_swapaxes(_pad_roi(padded, widths, a.shape, axis), 0, axis)
            b[:widths[axis, 0]] = values[axis, 0]
            b[b.shape[0] - widths[axis, 1]:] = values[axis, 1]
        return padded
    if mode == "empty":
        return padded
    if a.size == 0:
        for axis in range(nd):
            if a.shape[axis] == 0 and (widths[axis, 0] != 0 or widths[axis, 1] != 0):
                raise ValueError(f"can't extend empty axis {axis} using modes other than 'constant' or 'empty'")
        return padded
    odd = False
    if reflect_type is not None:
        if reflect_type == "odd":
            odd = True
        elif reflect_type != "even":
            _sj_reject("np.pad(reflect_type=) takes 'even' or 'odd' in compiled code", reflect_type)
    ends = _pad_pairs(0, nd, False)
    if end_values is not None:
        ends = _pad_pairs(end_values, nd, False)
    lengths = _pad_pairs(-1, nd, False)
    if stat_length is not None:
        lengths = _pad_pairs(stat_length, nd, True)
    for axis in range(nd):
        left = widths[axis, 0]
        right = widths[axis, 1]
        if reflect and a.shape[axis] == 1 and (left > 0 or right > 0):
            # NumPy's legacy: a length-1 axis is extended with its edge, over the whole padded array.
            b = _sj_swapaxes(padded, 0, axis)
            n = b.shape[0]
            b[:left] = b[left:left + 1]
            b[n - right:] = b[n - right - 1:n - right]
            continue
        b = _sj_swapaxes(_pad_roi(padded, widths, a.shape, axis), 0, axis)
        n = b.shape[0]
        if mode == "edge":
            b[:left] = b[left:left + 1]
            b[n - right:] = b[n - right - 1:n - right]
        elif mode == "linear_ramp":
            _pad_ramp(b, 0, left, ends[axis:axis + 1, 0], b[left:left + 1], False)
            _pad_ramp(b, n - right, right, ends[axis:axis + 1, 1], b[n - right - 1:n - right], True)
        elif stat:
            whole = n - right - left
            left_length = lengths[axis, 0]
            right_length = lengths[axis, 1]
            if left_length < 0 or whole < left_length:
                left_length = whole
            if right_length < 0 or whole < right_length:
                right_length = whole
            if (left_length == 0 or right_length == 0) and (mode == "maximum" or mode == "minimum"):
                raise ValueError("stat_length of 0 yields no value for padding")
            left_stat = _pad_stat(b, left, left_length, mode)
            right_stat = left_stat
            if not (left_length == whole and right_length == whole):
                right_stat = _pad_stat(b, n - right - right_length, right_length, mode)
            b[:left] = left_stat
            b[n - right:] = right_stat
        elif reflect:
            while left > 0 or right > 0:
                left, right = _pad_reflect(b, left, right, odd, mode == "symmetric")
        else:
            while left > 0 or right > 0:
                left, right = _pad_wrap(b, left, right)
    return padded


# ---------------------------------------------------------------- apply_along_axis


def _outer_index(k, shape):
    # The k-th index (in C order) of an array of this shape, as a tuple.
    idx = [0] * len(shape)
    for j in range(len(shape) - 1, -1, -1):
        idx[j] = k % shape[j]
        k = k // shape[j]
    return _as_tuple(shape, idx)


@overload("numpy.apply_along_axis")
def apply_along_axis(func1d, axis, arr, *args):
    # NumPy 1.24's apply_along_axis: func1d called on each 1-d line along the axis (a view, in C order of the other
    # axes), its results (numbers or arrays, of the first result's shape and dtype) stacked, their axes where the
    # line's axis was.
    a = _as_array(arr)
    nd = a.ndim
    ax = _axis(axis, nd, "")
    if nd == 1:
        first = func1d(a, *args)
        res = np.asarray(first)
        one = np.zeros(res.shape, res.dtype)
        one[...] = first
        return one
    view = np.moveaxis(a, ax, -1)
    outer = view.shape[:-1]
    m = 1
    for k in range(nd - 1):
        m *= outer[k]
    if m == 0:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    first = func1d(view[_outer_index(0, outer)], *args)
    res = np.asarray(first)
    buff = np.zeros(outer + res.shape, res.dtype)
    flat = buff.reshape((m,) + res.shape)
    flat[0] = first
    for k in range(1, m):
        flat[k] = func1d(view[_outer_index(k, outer)], *args)
    if res.ndim == 0:
        return buff
    dims = [k for k in range(buff.ndim)]
    perm = dims[0:ax] + dims[nd - 1:buff.ndim] + dims[ax:nd - 1]
    return buff.transpose(_as_tuple(buff.shape, perm))
