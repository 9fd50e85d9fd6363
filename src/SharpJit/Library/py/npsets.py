# NumPy's set routines, indexing helpers and small shape helpers in compiled code, as NumPy 1.24 computes them (its
# results, dtypes and messages): np.intersect1d, union1d, setdiff1d, setxor1d, in1d, isin; np.extract,
# take_along_axis, fill_diagonal, unravel_index, ravel_multi_index, tril_indices_from, triu_indices_from, diagflat,
# indices, lexsort, copyto, putmask, place, compress / a.compress, a.itemset; np.broadcast_to, broadcast_arrays,
# dstack, asfarray, ascontiguousarray, asfortranarray, isscalar, shape, size, ndim; np.tensordot. Dtypes, ranks and tuple lengths
# are compile-time values here, so one function serves every dtype and rank it handles.
import numpy as np


def _type_error(message):
    # Raises from a call, not a raise statement, where a branch is decided while typing: the caller goes on being
    # typed after it, so it keeps the return type it has elsewhere.
    raise TypeError(message)


def _value_error(message):
    raise ValueError(message)


def _as_array(a):
    if _sj_is_array(a):
        return a
    return np.asarray(a)


def _flat(a):
    # np.asarray(a).ravel(), a C-contiguous 1-d array (a copy unless a is one already).
    a = _as_array(a)
    if a.ndim == 1:
        if _sj_is_c(a):
            return a
    return a.flatten()


def _tuple_like(template, items):
    # The first len(template) items of the list items as a tuple (its length is known while typing).
    if len(template) == 0:
        return ()
    return (items[0],) + _tuple_like(template[1:], items[1:])


def _items(t):
    # A tuple of ints as a list (one that can be indexed at run time, also when empty).
    if len(t) == 0:
        return [0] * 0
    return [t[0]] + _items(t[1:])


def _longer(t1, t2):
    # A tuple as long as the longer of t1 and t2 (decided while typing: a rank is the length of a shape).
    if len(t1) == 0:
        return t2
    if len(t2) == 0:
        return t1
    return (0,) + _longer(t1[1:], t2[1:])


def _shape_list(a):
    if a.ndim == 0:
        return [0] * 0
    return [a.shape[k] for k in range(a.ndim)]


def _strides_list(a):
    if a.ndim == 0:
        return [0] * 0
    return [a.strides[k] for k in range(a.ndim)]


def _shape_text(dims, spaced):
    # A shape as Python prints a tuple, "(2, 3)" (spaced), or as NumPy's messages print shapes, "(2,3)".
    text = "("
    for k in range(len(dims)):
        if k > 0:
            text += ", " if spaced else ","
        text += str(dims[k])
    if len(dims) == 1:
        text += ","
    return text + ")"


def _axis(axis, ndim):
    # A possibly negative axis as an index, or NumPy's AxisError.
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    if axis < 0:
        return axis + ndim
    return axis


def _contiguous(a, fortran):
    # NumPy's C-contiguous (F-contiguous) flag: axes of length 1 do not count, an empty array is contiguous.
    expected = a.itemsize
    for j in range(a.ndim):
        k = j if fortran else a.ndim - 1 - j
        n = a.shape[k]
        if n == 0:
            return True
        if n != 1:
            if a.strides[k] != expected:
                return False
            expected *= n
    return True


# ---------------------------------------------------------------- set routines


@overload("numpy.intersect1d")
def intersect1d(ar1, ar2, assume_unique=False, return_indices=None):
    # return_indices chooses the result's type, so it is a literal (None: NumPy's default False).
    if return_indices is None:
        return _intersect1d(_as_array(ar1), _as_array(ar2), assume_unique, False)
    return _intersect1d(_as_array(ar1), _as_array(ar2), assume_unique, return_indices)


def _intersect1d(ar1, ar2, assume_unique, return_indices):
    if not return_indices:
        if assume_unique:
            aux = np.concatenate((_flat(ar1), _flat(ar2)))
        else:
            aux = np.concatenate((np.unique(ar1), np.unique(ar2)))
        aux = np.sort(aux)
        return aux[:-1][aux[1:] == aux[:-1]]
    if assume_unique:
        u1 = _flat(ar1)
        u2 = _flat(ar2)
        first1 = np.arange(0)
        first2 = first1
    else:
        u1, first1 = np.unique(ar1, return_index=True)
        u2, first2 = np.unique(ar2, return_index=True)
    aux = np.concatenate((u1, u2))
    order = np.argsort(aux, kind="mergesort")
    aux = aux[order]
    mask = aux[1:] == aux[:-1]
    values = aux[:-1][mask]
    ind1 = order[:-1][mask]
    ind2 = order[1:][mask] - u1.size
    if not assume_unique:
        ind1 = first1[ind1]
        ind2 = first2[ind2]
    return values, ind1, ind2


@overload("numpy.union1d")
def union1d(ar1, ar2):
    return np.unique(np.concatenate((_flat(ar1), _flat(ar2))))


@overload("numpy.setdiff1d")
def setdiff1d(ar1, ar2, assume_unique=False):
    if assume_unique:
        a = _flat(ar1)
        b = _flat(ar2)
    else:
        a = np.unique(_as_array(ar1))
        b = np.unique(_as_array(ar2))
    return a[_in1d(a, b, True, True, None)]


@overload("numpy.setxor1d")
def setxor1d(ar1, ar2, assume_unique=False):
    if assume_unique:
        aux = np.concatenate((_flat(ar1), _flat(ar2)))
    else:
        aux = np.concatenate((np.unique(_as_array(ar1)), np.unique(_as_array(ar2))))
    n = aux.shape[0]
    if n == 0:
        return aux
    aux = np.sort(aux)
    # Kept: the values that differ from both neighbours.
    flag = np.empty(n + 1, np.bool_)
    flag[0] = True
    flag[n] = True
    flag[1:n] = aux[1:] != aux[:-1]
    return aux[flag[1:] & flag[:-1]]


@overload("numpy.in1d")
def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    return _in1d(_flat(ar1), _flat(ar2), assume_unique, invert, kind)


@overload("numpy.isin")
def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    element = _as_array(element)
    return _in1d(_flat(element), _flat(test_elements), assume_unique, invert, kind).reshape(element.shape)


def _in1d(ar1, ar2, assume_unique, invert, kind):
    # NumPy 1.24's in1d of two 1-d arrays, with its choice of method (the results differ where assume_unique=True
    # is given arrays that are not unique): a table of the integers' range, a comparison with each item of ar2, or
    # a sort.
    if not (kind is None):
        if kind != "sort" and kind != "table":
            raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    # (Whether both are boolean or integer arrays is decided while typing: the tests are written out, as only
    # comparisons of dtypes and their `and`/`or` are literals.)
    if (ar1.dtype == np.bool_ or ar1.dtype == np.int8 or ar1.dtype == np.int16 or ar1.dtype == np.int32 or ar1.dtype == np.int64 or ar1.dtype == np.uint8 or ar1.dtype == np.uint16 or ar1.dtype == np.uint32 or ar1.dtype == np.uint64) and (ar2.dtype == np.bool_ or ar2.dtype == np.int8 or ar2.dtype == np.int16 or ar2.dtype == np.int32 or ar2.dtype == np.int64 or ar2.dtype == np.uint8 or ar2.dtype == np.uint16 or ar2.dtype == np.uint32 or ar2.dtype == np.uint64):
        if kind != "sort":
            done, result = _in1d_table(ar1, ar2, invert, kind == "table")
            if done:
                return result
    elif kind == "table":
        raise ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.")
    n1 = ar1.shape[0]
    n2 = ar2.shape[0]
    if n2 < 10 * n1 ** 0.145:
        if invert:
            mask = np.ones(n1, np.bool_)
            for j in range(n2):
                mask &= ar1 != ar2[j]
            return mask
        mask = np.zeros(n1, np.bool_)
        for j in range(n2):
            mask |= ar1 == ar2[j]
        return mask
    if assume_unique:
        a = ar1
        b = ar2
        back = np.arange(0)
    else:
        a, back = np.unique(ar1, return_inverse=True)
        b = np.unique(ar2)
    ar = np.concatenate((a, b))
    # A stable sort: a value of ar1 comes before the equal value of ar2.
    order = np.argsort(ar, kind="mergesort")
    sar = ar[order]
    m = ar.shape[0]
    flag = np.empty(m, np.bool_)
    if invert:
        flag[:m - 1] = sar[1:] != sar[:-1]
    else:
        flag[:m - 1] = sar[1:] == sar[:-1]
    flag[m - 1] = invert
    ret = np.empty(m, np.bool_)
    ret[order] = flag
    if assume_unique:
        return ret[:a.shape[0]].copy()
    return ret[back]


def _int_limits(a):
    # The smallest and largest values of a's integer dtype (a boolean array counts as uint8, as NumPy converts it).
    if a.dtype == np.int8:
        return -128, 127
    if a.dtype == np.int16:
        return -32768, 32767
    if a.dtype == np.int32:
        return -2147483648, 2147483647
    if a.dtype == np.int64:
        return -9223372036854775808, 9223372036854775807
    if a.dtype == np.uint16:
        return 0, 65535
    if a.dtype == np.uint32:
        return 0, 4294967295
    if a.dtype == np.uint64:
        return 0, 9223372036854775807
    return 0, 255


def _in1d_table(ar1, ar2, invert, forced):
    # NumPy's table method for integer arrays, where the range of ar2 allows it; (False, ...) where it does not.
    n1 = ar1.shape[0]
    n2 = ar2.shape[0]
    if n2 == 0:
        if invert:
            return True, np.ones(n1, np.bool_)
        return True, np.zeros(n1, np.bool_)
    lo2 = int(ar2.min())
    hi2 = int(ar2.max())
    if ar2.dtype == np.uint64:
        # (int64 holds the values NumPy's table method can take; a larger range is never below its memory bound)
        if ar2.max() > 4611686018427387903:
            if forced:
                raise RuntimeError("You have specified kind='table', but the range of values in `ar2` or `ar1` exceed the maximum integer of the datatype. Please set `kind` to None or 'sort'.")
            return False, np.zeros(0, np.bool_)
    span = hi2 - lo2
    lo_limit1, hi_limit1 = _int_limits(ar1)
    lo_limit2, hi_limit2 = _int_limits(ar2)
    safe = span <= hi_limit2
    if n1 > 0:
        upper = min(int(ar1.max()), hi2)
        lower = max(int(ar1.min()), lo2)
        if ar1.dtype == np.uint64:
            if ar1.max() > 9223372036854775807:
                upper = hi2
        safe = safe and upper - lo2 <= hi_limit1 and lower - lo2 >= lo_limit1
    if not safe:
        if forced:
            raise RuntimeError("You have specified kind='table', but the range of values in `ar2` or `ar1` exceed the maximum integer of the datatype. Please set `kind` to None or 'sort'.")
        return False, np.zeros(0, np.bool_)
    if not forced and span > 6 * (n1 + n2):
        return False, np.zeros(0, np.bool_)
    table = np.zeros(span + 1, np.bool_)
    for j in range(n2):
        table[int(ar2[j]) - lo2] = True
    out = np.empty(n1, np.bool_)
    for i in range(n1):
        v = ar1[i]
        found = False
        if v >= lo2 and v <= hi2:
            found = table[int(v) - lo2]
        out[i] = found != invert
    return True, out


# ---------------------------------------------------------------- extract, compress, take_along_axis


@overload("numpy.extract")
def extract(condition, arr):
    # np.take(ravel(arr), nonzero(ravel(condition))[0]): a mask over arr's first elements (the C# gather).
    cond = _flat(condition)
    return _select_flat(cond, _flat(arr), 0)


@overload("numpy.compress")
def compress(condition, a, axis=None, out=None):
    return _compress(condition, _as_array(a), axis, out)


def _method_compress(a, condition, axis, out):
    return _compress(condition, a, axis, out)


def _compress(condition, a, axis, out):
    if not (out is None):
        _sj_reject("np.compress(out=) and a.compress(out=) are not supported in compiled code", a, out)
    cond = _as_array(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    if axis is None:
        return _compress_along(cond, _flat(a), 0)
    return _compress_along(cond, a, _axis(axis, a.ndim))


def _select_flat(cond, flat, ax):
    # The elements of the 1-d array flat where cond is nonzero (cond may be longer than flat where it is zero there,
    # or shorter): the C# mask gather.
    n = flat.shape[0]
    c = cond.shape[0]
    for i in range(n, c):
        if cond[i] != 0:
            raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
    k = min(c, n)
    if cond.dtype == np.bool_:
        return flat[:k][cond[:k]]
    return flat[:k][cond[:k] != 0]


def _compress_along(cond, a, ax):
    # The entries of a along axis ax whose condition is true (NumPy's take of the condition's nonzero indices).
    if a.ndim == 1:
        return _select_flat(cond, a, ax)
    n = a.shape[ax]
    count = 0
    for i in range(cond.shape[0]):
        if cond[i] != 0:
            if i >= n:
                raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
            count += 1
    dims = _shape_list(a)
    dims[ax] = count
    out = np.empty(_tuple_like(a.shape, dims), a.dtype)
    src = _sj_swapaxes(a, 0, ax)
    dst = _sj_swapaxes(out, 0, ax)
    k = 0
    for i in range(cond.shape[0]):
        if cond[i] != 0:
            dst[k] = src[i]
            k += 1
    return out


@overload("numpy.take_along_axis")
def take_along_axis(arr, indices, axis):
    if not (indices.dtype == np.int8 or indices.dtype == np.int16 or indices.dtype == np.int32 or indices.dtype == np.int64 or indices.dtype == np.uint8 or indices.dtype == np.uint16 or indices.dtype == np.uint32 or indices.dtype == np.uint64):
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("`indices` and `arr` must have the same number of dimensions")
        flat = _flat(arr)
        n = flat.shape[0]
        m = indices.shape[0]
        out = np.empty(m, flat.dtype)
        for i in range(m):
            j = int(indices[i])
            if j < -n or j >= n:
                raise IndexError(f"index {j} is out of bounds for size {n}")
            if j < 0:
                j += n
            out[i] = flat[j]
        return out
    ax = _axis(axis, arr.ndim)
    if indices.ndim != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    return _take_along(arr, indices, ax)


def _take_along(arr, indices, ax):
    # arr[fancy index]: the index arrays are aranges along the other axes (length 1 but for their own) and indices
    # at ax, broadcast together as NumPy's fancy indexing does.
    nd = arr.ndim
    dims = [0] * nd
    bad = False
    for j in range(nd):
        n = arr.shape[j]
        m = indices.shape[j]
        if j == ax:
            dims[j] = m
        elif n == m or m == 1:
            dims[j] = n
        elif n == 1:
            dims[j] = m
        else:
            bad = True
    if bad:
        text = ""
        for j in range(nd):
            if j == ax:
                shape = _shape_list(indices)
            else:
                shape = [1] * nd
                shape[j] = arr.shape[j]
            text += _shape_text(shape, False) + " "
        raise IndexError("shape mismatch: indexing arrays could not be broadcast together with shapes " + text)
    out = np.empty(_tuple_like(arr.shape, dims), arr.dtype)
    # Line by line along ax, moved last (views): the lines of arr and indices that broadcast to each line of out.
    last = nd - 1
    src = _sj_swapaxes(arr, ax, last)
    idx = _sj_swapaxes(indices, ax, last)
    dst = _sj_swapaxes(out, ax, last)
    n = arr.shape[ax]
    if nd == 1:
        _take_line(src, idx, dst, n, ax)
        return out
    outer = _shape_list(dst)
    src_dims = _shape_list(src)
    idx_dims = _shape_list(idx)
    lines = 1
    for j in range(last):
        lines *= outer[j]
    at = [0] * last
    src_at = [0] * last
    idx_at = [0] * last
    for r in range(lines):
        q = r
        for j in range(last - 1, -1, -1):
            at[j] = q % outer[j]
            q = q // outer[j]
            src_at[j] = at[j] if src_dims[j] != 1 else 0
            idx_at[j] = at[j] if idx_dims[j] != 1 else 0
        lead = src.shape[1:]
        _take_line(src[_tuple_like(lead, src_at)], idx[_tuple_like(lead, idx_at)], dst[_tuple_like(lead, at)], n, ax)
    return out


def _take_line(src, idx, dst, n, ax):
    # dst[j] = src[idx[j]], with NumPy's error for an index out of bounds.
    for j in range(dst.shape[0]):
        k = int(idx[j])
        if k < -n or k >= n:
            raise IndexError(f"index {k} is out of bounds for axis {ax} with size {n}")
        if k < 0:
            k += n
        dst[j] = src[k]


# ---------------------------------------------------------------- diagonals, triangles, index grids


@overload("numpy.fill_diagonal")
def fill_diagonal(a, val, wrap=False):
    # a.flat[:end:step] = val, the values repeated as often as needed: the diagonal of a 2-d array (not wrapping
    # past its first square unless wrap), or of an n-d one with equal dimensions.
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    size = a.size
    if a.ndim == 2:
        cols = a.shape[1]
        step = cols + 1
        end = size
        if not wrap:
            end = min(size, cols * cols)
    else:
        for k in range(1, a.ndim):
            if a.shape[k] != a.shape[0]:
                raise ValueError("All dimensions of input must be of equal length")
        step = 1
        block = 1
        for k in range(a.ndim - 1):
            block *= a.shape[k]
            step += block
        end = size
    if isinstance(val, (bool, int, float, complex)):
        _fill_flat(a, step, end, np.array([val]))
    else:
        _fill_flat(a, step, end, _flat(val))


def _fill_flat(a, step, end, values):
    # a.flat[0:end:step] = values (repeated; nothing when there are none).
    nv = values.shape[0]
    if nv == 0:
        return
    nd = a.ndim
    at = [0] * nd
    k = 0
    for p in range(0, end, step):
        if nd == 2:
            a[p // a.shape[1], p % a.shape[1]] = values[k % nv]
        else:
            r = p
            for j in range(nd - 1, -1, -1):
                at[j] = r % a.shape[j]
                r = r // a.shape[j]
            a[_tuple_like(a.shape, at)] = values[k % nv]
        k += 1


@overload("numpy.tril_indices_from")
def tril_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return np.tril_indices(arr.shape[0], k, arr.shape[1])


@overload("numpy.triu_indices_from")
def triu_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return np.triu_indices(arr.shape[0], k, arr.shape[1])


@overload("numpy.diagflat")
def diagflat(v, k=0):
    flat = _flat(v)
    s = flat.shape[0]
    n = s + abs(k)
    res = np.zeros((n, n), flat.dtype)
    for i in range(s):
        if k >= 0:
            res[i, i + k] = flat[i]
        else:
            res[i - k, i] = flat[i]
    return res


@overload("numpy.indices")
def indices(dimensions, dtype=None, sparse=None):
    # dimensions is a tuple, so that the number of dimensions is known while typing; sparse (a literal) chooses
    # between one array and a tuple of them.
    if isinstance(dimensions, int):
        _type_error("'int' object is not iterable")
        return np.empty((0,), np.int64)
    if isinstance(dimensions, list):
        _sj_reject("np.indices() takes the dimensions as a tuple in compiled code (a list's length is known only at run time)", dimensions)
    if dtype is None:
        return _indices(dimensions, np.int64, sparse)
    return _indices(dimensions, dtype, sparse)


def _indices(dimensions, dtype, sparse):
    n = len(dimensions)
    dims = _items(dimensions)
    if sparse is None or not sparse:
        res = np.empty((n,) + dimensions, dtype)
        for i in range(n):
            res[i] = _along_axis(np.arange(dims[i], dtype=dtype), dimensions, dims, i)
        return res
    return _sparse_indices(dimensions, dimensions, dims, dtype, 0)


def _along_axis(line, template, dims, i):
    # The 1-d array line as a read-only view of shape dims that varies along axis i only (strides 0 elsewhere).
    strides = [0] * len(dims)
    strides[i] = line.itemsize
    return _sj_view(line, line.dtype, 0, _tuple_like(template, dims), _tuple_like(template, strides), True)


def _sparse_indices(rest, template, dims, dtype, i):
    # The arrays of np.indices(..., sparse=True) from axis i on (rest: as many items as axes are left):
    # np.arange(dims[i]) with length 1 along the other axes.
    if len(rest) == 0:
        return ()
    shape = [1] * len(dims)
    shape[i] = dims[i]
    first = np.arange(dims[i], dtype=dtype).reshape(_tuple_like(template, shape))
    return (first,) + _sparse_indices(rest[1:], template, dims, dtype, i + 1)


# ---------------------------------------------------------------- unravel_index, ravel_multi_index


def _dims_tuple(shape):
    if isinstance(shape, int):
        return (shape,)
    return shape


def _product_overflows(s, d):
    # NumPy's npy_mul_sizes_with_overflow (it does not look at negative sizes).
    return (s | d) >= 2147483648 and s != 0 and d > 9223372036854775807 // s


def _check_order(order):
    if order != "C" and order != "F":
        if order == "A" or order == "K":
            _sj_reject("order='A' and order='K' are not supported by np.unravel_index and np.ravel_multi_index in compiled code", order)
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got '{order}')")


@overload("numpy.unravel_index")
def unravel_index(indices, shape, order=None):
    # (order, a literal, is "C" where not given: a default is not one.)
    if order is None:
        return _unravel_index(indices, shape, "C")
    return _unravel_index(indices, shape, order)


def _unravel_index(indices, shape, order):
    _check_order(order)
    template = _dims_tuple(shape)
    dims = _items(template)
    nd = len(template)
    size = 1
    for k in range(nd):
        if _product_overflows(size, dims[k]):
            raise ValueError("dimensions are too large; arrays and shapes with a total size greater than 'intp' are not supported.")
        size *= dims[k]
    fortran = order == "F"
    if isinstance(indices, float) or isinstance(indices, complex):
        _type_error("only int indices permitted")
        return _unravel_one(0, template, dims, size, fortran)
    if isinstance(indices, int) or isinstance(indices, bool):
        return _unravel_one(int(indices), template, dims, size, fortran)
    idx = _as_array(indices)
    if idx.dtype == np.complex64 or idx.dtype == np.complex128:
        raise TypeError("only int indices permitted")
    if idx.dtype == np.float32 or idx.dtype == np.float64:
        # (a call: the rest is typed as for integers, which a raise statement here would stop)
        _type_error("only int indices permitted")
    if idx.ndim == 0:
        return _unravel_one(int(idx[()]), template, dims, size, fortran)
    flat = _flat(idx)
    m = flat.shape[0]
    # the coordinates as the rows of one array (one list of arrays indexed per element cost 3x NumPy's time)
    out = np.empty((nd, m), np.int64)
    for i in range(m):
        r = int(flat[i])
        if r < 0 or r >= size:
            raise ValueError(f"index {r} is out of bounds for array with size {size}")
        for j in range(nd):
            k = j if fortran else nd - 1 - j
            d = dims[k]
            out[k, i] = r % d
            r = r // d
    return _tuple_like(template, [out[k].reshape(idx.shape) for k in range(nd)])


def _unravel_into(coords, index, dims, size, fortran):
    if index < 0 or index >= size:
        raise ValueError(f"index {index} is out of bounds for array with size {size}")
    nd = len(coords)
    r = index
    for j in range(nd):
        k = j if fortran else nd - 1 - j
        coords[k] = r % dims[k]
        r = r // dims[k]


def _unravel_one(index, template, dims, size, fortran):
    coords = [0] * len(dims)
    _unravel_into(coords, index, dims, size, fortran)
    return _tuple_like(template, coords)


def _clip_mode(mode):
    if mode != "raise" and mode != "wrap" and mode != "clip":
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")


@overload("numpy.ravel_multi_index")
def ravel_multi_index(multi_index, dims, mode=None, order=None):
    # The flat indices of a tuple of coordinates (numbers or arrays, broadcast together), or of the rows of a 2-d
    # array; mode 'raise', 'wrap' or 'clip' (one for every axis). mode and order are literals, "raise" and "C"
    # where not given.
    if mode is None:
        if order is None:
            return _ravel_multi_index(multi_index, dims, "raise", "C")
        return _ravel_multi_index(multi_index, dims, "raise", order)
    if order is None:
        return _ravel_multi_index(multi_index, dims, mode, "C")
    return _ravel_multi_index(multi_index, dims, mode, order)


def _ravel_multi_index(multi_index, dims, mode, order):
    if isinstance(mode, tuple):
        _sj_reject("np.ravel_multi_index() takes one mode for every axis in compiled code", mode)
    _clip_mode(mode)
    _check_order(order)
    template = _dims_tuple(dims)
    dims = _items(template)
    nd = len(template)
    strides = [0] * nd
    s = 1
    for j in range(nd):
        k = nd - 1 - j if order == "C" else j
        strides[k] = s
        if _product_overflows(s, dims[k]):
            raise ValueError("invalid dims: array size defined by dims is larger than the maximum possible size.")
        s *= dims[k]
    if mode != "raise":
        for k in range(nd):
            if dims[k] == 0:
                raise ValueError("cannot unravel if shape has zero entries (is empty).")
    if _sj_is_array(multi_index):
        if multi_index.ndim == 1:
            return _ravel_numbers([int(multi_index[k]) for k in range(multi_index.shape[0])], multi_index, dims, strides, mode)
        if multi_index.ndim != 2:
            _sj_reject("np.ravel_multi_index() takes a tuple of coordinates or a 2-d array of them in compiled code", multi_index)
        if multi_index.shape[0] != nd:
            raise ValueError(f"parameter multi_index must be a sequence of length {nd}")
        if not (multi_index.dtype == np.bool_ or multi_index.dtype == np.int8 or multi_index.dtype == np.int16 or multi_index.dtype == np.int32 or multi_index.dtype == np.int64 or multi_index.dtype == np.uint8 or multi_index.dtype == np.uint16 or multi_index.dtype == np.uint32 or multi_index.dtype == np.uint64):
            raise TypeError("only int indices permitted")
        out = np.empty(multi_index.shape[1], np.int64)
        for i in range(multi_index.shape[1]):
            out[i] = _ravel_one([int(multi_index[k, i]) for k in range(nd)], dims, strides, mode)
        return out
    if isinstance(multi_index, list):
        return _ravel_numbers(multi_index, multi_index, dims, strides, mode)
    return _ravel_tuple(multi_index, dims, strides, mode)


def _ravel_tuple(multi_index, dims, strides, mode):
    # The coordinates in a tuple: numbers and arrays, broadcast together.
    if len(multi_index) != len(dims):
        _value_error(f"parameter multi_index must be a sequence of length {len(dims)}")
    _check_coordinates(multi_index)
    return _ravel_broadcast(multi_index, _broadcast_template(multi_index), dims, strides, mode)


def _ravel_broadcast(multi_index, rank, dims, strides, mode):
    # (rank, a tuple as long as the coordinates' broadcast shape, is a parameter: its length decides while typing.)
    if len(rank) == 0:
        return _ravel_one(_numbers(multi_index), dims, strides, mode)
    shape = _broadcast_shape(multi_index, rank, False)
    size = 1
    for d in shape:
        size *= d
    out = np.empty(size, np.int64)
    flats = _int64_columns(_broadcast_all(multi_index, rank, shape, True, False))
    for i in range(size):
        out[i] = _ravel_one([flats[k][i] for k in range(len(dims))], dims, strides, mode)
    return out.reshape(_tuple_like(rank, shape))


def _ravel_numbers(items, multi_index, dims, strides, mode):
    # One coordinate per axis, as a list.
    if len(items) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    return _ravel_one(items, dims, strides, mode)


def _numbers(items):
    # The coordinates of a tuple of numbers and 0-d arrays, as a list of ints.
    if len(items) == 0:
        return [0] * 0
    x = items[0]
    if _sj_is_array(x):
        return [int(x[()])] + _numbers(items[1:])
    return [int(x)] + _numbers(items[1:])


def _int64_columns(views):
    # The broadcast coordinate arrays of a tuple, each as a flat int64 array.
    if len(views) == 0:
        return [np.empty(0, np.int64)] * 0
    return [_flat(views[0]).astype(np.int64)] + _int64_columns(views[1:])


def _check_coordinates(items):
    # NumPy converts every coordinate to intp ('same_kind'): floats are its TypeError.
    if len(items) != 0:
        x = items[0]
        if isinstance(x, float) or isinstance(x, complex):
            _type_error("only int indices permitted")
        elif _sj_is_array(x):
            if not (x.dtype == np.bool_ or x.dtype == np.int8 or x.dtype == np.int16 or x.dtype == np.int32 or x.dtype == np.int64 or x.dtype == np.uint8 or x.dtype == np.uint16 or x.dtype == np.uint32 or x.dtype == np.uint64):
                raise TypeError("only int indices permitted")
        _check_coordinates(items[1:])


def _ravel_one(coords, dims, strides, mode):
    flat = 0
    for k in range(len(coords)):
        j = coords[k]
        m = dims[k]
        if mode == "raise":
            if j < 0 or j >= m:
                raise ValueError("invalid entry in coordinates array")
        elif mode == "wrap":
            j = j % m
        elif j < 0:
            j = 0
        elif j >= m:
            j = m - 1
        flat += j * strides[k]
    return flat


# ---------------------------------------------------------------- broadcasting


def _shape_of(x):
    # The shape of an array, or () for a number, as a list.
    if _sj_is_array(x):
        return _shape_list(x)
    return [0] * 0


def _shapes(items):
    # The shapes of a tuple's items (arrays, numbers, lists), as lists.
    if len(items) == 0:
        return [[0] * 0] * 0
    return [_shape_of(_as_array(items[0]))] + _shapes(items[1:])


def _broadcast_template(items):
    # A tuple as long as the broadcast shape of a tuple's items (the largest rank; known while typing).
    if len(items) == 0:
        return ()
    return _longer(_as_array(items[0]).shape, _broadcast_template(items[1:]))


def _broadcast_shape(items, template, objects):
    # The broadcast shape of a tuple's items, computed as NumPy does, with its message where they do not broadcast:
    # np.broadcast's (objects) or its iterator's.
    return _broadcast_dims(_shapes(items), len(template), objects)


def _broadcast_dims(shapes, n, objects):
    # The broadcast shape (a list of n) of shapes (lists), with the message of _broadcast_shape.
    dims = [1] * n
    for i in range(n):
        source = 0
        for j in range(len(shapes)):
            shape = shapes[j]
            k = i + len(shape) - n
            if k >= 0:
                d = shape[k]
                if d != 1:
                    if dims[i] == 1:
                        dims[i] = d
                        source = j
                    elif dims[i] != d:
                        if objects:
                            raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg {source} with shape {_shape_text(shapes[source], True)} and arg {j} with shape {_shape_text(shape, True)}.")
                        text = ""
                        for s in shapes:
                            text += _shape_text(s, False) + " "
                        raise ValueError("operands could not be broadcast together with shapes " + text)
    return dims


def _broadcast_view(a, template, dims, readonly, keep):
    # The array a seen with the shape dims (a list, as long as template, to which a's shape broadcasts): NumPy's
    # strides, 0 along the axes that a lacks or has of length 1 (every stride, for an empty a), or a's own (keep:
    # dims is a's shape).
    n = len(template)
    strides = [0] * n
    d = n - a.ndim
    shape = _shape_list(a)
    steps = _strides_list(a)
    for k in range(a.ndim):
        if keep or (shape[k] != 1 and a.size != 0):
            strides[d + k] = steps[k]
    return _sj_view(a, a.dtype, 0, _tuple_like(template, dims), _tuple_like(template, strides), readonly)


def _broadcast_all(items, template, dims, readonly, keep):
    # The items of a tuple as arrays seen with the shape dims, in a tuple.
    if len(items) == 0:
        return ()
    return (_broadcast_view(_as_array(items[0]), template, dims, readonly, keep),) + _broadcast_all(items[1:], template, dims, readonly, keep)


def _shape_tuple(shape):
    if isinstance(shape, int):
        return (shape,)
    if isinstance(shape, list):
        _sj_reject("np.broadcast_to() takes the shape as a tuple or an int in compiled code (a list's length is known only at run time)", shape)
    return shape


@overload("numpy.broadcast_to")
def broadcast_to(array, shape, subok=False):
    # A read-only view of array with the given shape (NumPy 1.24's: writes are its "assignment destination is
    # read-only").
    a = _as_array(array)
    shape = _shape_tuple(shape)
    n = len(shape)
    dims = _items(shape)
    if n == 0 and a.ndim != 0:
        raise ValueError("cannot broadcast a non-scalar to a scalar array")
    for k in range(n):
        if dims[k] < 0:
            raise ValueError("all elements of broadcast shape must be non-negative")
    if a.ndim > n:
        _value_error("input operand has more dimensions than allowed by the axis remapping")
    d = n - a.ndim
    own = _shape_list(a)
    for k in range(a.ndim):
        if own[k] != 1 and own[k] != dims[d + k]:
            raise ValueError(f"operands could not be broadcast together with remapped shapes [original->remapped]: {_shape_text(own, False)}  and requested shape {_shape_text(dims, False)}")
    return _broadcast_view(a, shape, dims, True, False)


@overload("numpy.broadcast_shapes")
def broadcast_shapes(*args):
    # The shape that arrays of these shapes (ints and tuples) broadcast to, with np.broadcast's message.
    template = _shape_args_template(args)
    shapes = _shape_args(args)
    for shape in shapes:
        for d in shape:
            if d < 0:
                raise ValueError("negative dimensions are not allowed")
    return _tuple_like(template, _broadcast_dims(shapes, len(template), True))


def _shape_args(items):
    # np.broadcast_shapes' arguments as lists.
    if len(items) == 0:
        return [[0] * 0] * 0
    return [_items(_shape_arg(items[0]))] + _shape_args(items[1:])


def _shape_args_template(items):
    # A tuple as long as the longest of np.broadcast_shapes' arguments (known while typing).
    if len(items) == 0:
        return ()
    return _longer(_shape_arg(items[0]), _shape_args_template(items[1:]))


def _shape_arg(shape):
    if isinstance(shape, int):
        return (shape,)
    if isinstance(shape, list):
        _sj_reject("np.broadcast_shapes() takes shapes as tuples or ints in compiled code (a list's length is known only at run time)", shape)
    return shape


@overload("numpy.nditer")
def nditer(op, flags=None, op_flags=None, op_dtypes=None, order="K", casting="safe", op_axes=None, itershape=None,
           buffersize=0):
    # NumPy's default iteration: each element as a read-only 0-d view of its array (a tuple of views for a tuple of
    # operands, broadcast together), in the order NumPy picks: for 'K', axes whose strides are all negative flipped,
    # then ordered by stride (npyiter_find_best_axis_ordering's insertion sort, C order where operands disagree).
    if not (flags is None and op_flags is None and op_dtypes is None and op_axes is None and itershape is None):
        _sj_reject("np.nditer() takes its operands and order= in compiled code (flags, op_flags, op_dtypes, op_axes and itershape are not supported)", op)
    if isinstance(op, list):
        _sj_reject("np.nditer() takes several operands as a tuple in compiled code (a list's length is known only at run time)", op)
    if order != "K" and order != "C" and order != "F":
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K'" if order != "A" else "np.nditer(order='A') is not supported in compiled code")
    items = op if isinstance(op, tuple) else (op,)
    template = _broadcast_template(items)
    n = len(template)
    dims = _broadcast_dims(_shapes(items), n, False)
    size = 1
    for d in dims:
        size *= d
    if size == 0:
        raise ValueError("Iteration of zero-sized operands is not enabled")
    strides = _nditer_strides(items, n)
    nop = len(strides)
    offsets = [0] * nop
    if order == "K":
        for axis in range(n):
            flip = True
            negative = False
            for k in range(nop):
                if strides[k][axis] < 0:
                    negative = True
                elif strides[k][axis] != 0:
                    flip = False
            if flip and negative:
                for k in range(nop):
                    offsets[k] += (dims[axis] - 1) * strides[k][axis]
                    strides[k][axis] = -strides[k][axis]
    axes = _nditer_axes(strides, n, order)
    index = [0] * n
    for _ in range(size):
        views = _nditer_views(items, strides, offsets, index)
        if isinstance(op, tuple):
            yield views
        else:
            yield views[0]
        k = n - 1
        while k >= 0:
            a = axes[k]
            index[a] += 1
            if index[a] < dims[a]:
                break
            index[a] = 0
            k -= 1


def _nditer_strides(items, n):
    # Each operand's strides over the n broadcast axes: 0 where it lacks the axis or has length 1 there (NumPy's).
    out = [[0] * n for _ in range(len(items))]
    _nditer_fill_strides(items, out, 0, n)
    return out


def _nditer_fill_strides(items, out, k, n):
    if len(items) != 0:
        a = _as_array(items[0])
        d = n - a.ndim
        shape = _shape_list(a)
        steps = _strides_list(a)
        for j in range(a.ndim):
            if shape[j] != 1:
                out[k][d + j] = steps[j]
        _nditer_fill_strides(items[1:], out, k + 1, n)


def _nditer_axes(strides, n, order):
    # The axes from outermost to innermost. NumPy keeps them innermost first and sorts that list by stride, moving an
    # axis before another only where every operand with strides on both says so, the first such operand deciding.
    perm = [n - 1 - i for i in range(n)]   # innermost first: C order
    if order == "F":
        perm = [i for i in range(n)]
    elif order == "K":
        for i0 in range(1, n):
            a0 = perm[i0]
            pos = i0
            i1 = i0 - 1
            while i1 >= 0:
                a1 = perm[i1]
                ambiguous = True
                swap = False
                for k in range(len(strides)):
                    s0 = strides[k][a0]
                    s1 = strides[k][a1]
                    if s0 != 0 and s1 != 0:
                        if abs(s1) <= abs(s0):
                            swap = False
                        elif ambiguous:
                            swap = True
                        ambiguous = False
                if not ambiguous:
                    if swap:
                        pos = i1
                    else:
                        break
                i1 -= 1
            if pos != i0:
                for i in range(i0, pos, -1):
                    perm[i] = perm[i - 1]
                perm[pos] = a0
    return [perm[n - 1 - i] for i in range(n)]


def _nditer_offset(strides, base, index):
    offset = base
    for a in range(len(index)):
        offset += index[a] * strides[a]
    return offset


def _nditer_views(items, strides, offsets, index):
    # The 0-d read-only views of a tuple's operands at the current index (a tuple).
    return _nditer_views_from(items, strides, offsets, index, 0)


def _nditer_views_from(items, strides, offsets, index, k):
    if len(items) == 0:
        return ()
    a = _as_array(items[0])
    view = _sj_view(a, a.dtype, _nditer_offset(strides[k], offsets[k], index), (), (), True)
    return (view,) + _nditer_views_from(items[1:], strides, offsets, index, k + 1)


@overload("numpy.broadcast_arrays")
def broadcast_arrays(*args, subok=False):
    # A tuple of views of the arguments with their broadcast shape (NumPy returns a list, which here could not hold
    # arrays of different dtypes or ranks); writable, as NumPy 1.24's still are (it warns on a write).
    template = _broadcast_template(args)
    dims = _broadcast_shape(args, template, True)
    same = True
    shapes = _shapes(args)
    for shape in shapes:
        if len(shape) != len(dims):
            same = False
        else:
            for k in range(len(dims)):
                if shape[k] != dims[k]:
                    same = False
    return _broadcast_all(args, template, dims, False, same)


@overload("numpy.dstack")
def dstack(tup):
    # np.concatenate of the arrays made at least 3-d, along axis 2.
    if isinstance(tup, list):
        return np.concatenate([np.atleast_3d(x) for x in tup], 2)
    return np.concatenate(_atleast_3d_all(tup), 2)


def _atleast_3d_all(items):
    if len(items) == 0:
        return ()
    return (np.atleast_3d(items[0]),) + _atleast_3d_all(items[1:])


# ---------------------------------------------------------------- copyto, putmask, place, itemset


def _kind(x):
    # NumPy's kind of the dtype of an array or a number: 'b', 'i', 'u', 'f' or 'c'.
    if isinstance(x, bool):
        return "b"
    if isinstance(x, int):
        return "i"
    if isinstance(x, float):
        return "f"
    if isinstance(x, complex):
        return "c"
    if x.dtype == np.bool_:
        return "b"
    if x.dtype == np.int8 or x.dtype == np.int16 or x.dtype == np.int32 or x.dtype == np.int64:
        return "i"
    if x.dtype == np.uint8 or x.dtype == np.uint16 or x.dtype == np.uint32 or x.dtype == np.uint64:
        return "u"
    if x.dtype == np.float32 or x.dtype == np.float64:
        return "f"
    return "c"


def _safe(k1, s1, k2, s2):
    # NumPy's 'safe' casting from kind k1 of itemsize s1 to kind k2 of itemsize s2.
    if k1 == "b":
        return True
    if k1 == "i" or k1 == "u":
        if k2 == "f":
            return s2 == 8 or s1 <= 2
        if k2 == "c":
            return s2 == 16 or s1 <= 2
        if k1 == k2:
            return s2 >= s1
        return k1 == "u" and k2 == "i" and s2 > s1
    if k1 == "f":
        if k2 == "f":
            return s2 >= s1
        return k2 == "c" and s2 >= 2 * s1
    return k2 == "c" and s2 >= s1


def _can_cast(k1, s1, k2, s2, casting):
    if casting == "unsafe":
        return True
    if casting == "no" or casting == "equiv":
        return k1 == k2 and s1 == s2
    if _safe(k1, s1, k2, s2):
        return True
    if casting == "safe":
        return False
    # 'same_kind': also to a larger kind, and within one (but not from signed to unsigned integers)
    if k1 == k2:
        return True
    if k1 == "u":
        return k2 != "b"
    if k1 == "i":
        return k2 == "f" or k2 == "c"
    return k1 == "f" and k2 == "c"


def _min_scalar_size(value):
    # The itemsize of NumPy's min_scalar_type of a number (value-based casting in NumPy 1.24).
    if isinstance(value, bool):
        return 1
    if isinstance(value, int):
        if value >= 0:
            if value < 256:
                return 1
            if value < 65536:
                return 2
            if value < 4294967296:
                return 4
            return 8
        if value >= -128:
            return 1
        if value >= -32768:
            return 2
        if value >= -2147483648:
            return 4
        return 8
    if isinstance(value, float):
        if value != value or value > 1.7976931348623157e308 or value < -1.7976931348623157e308 or (value > -65000.0 and value < 65000.0):
            return 2
        if value > -3.4e38 and value < 3.4e38:
            return 4
        return 8
    if value.real > -3.4e38 and value.real < 3.4e38 and value.imag > -3.4e38 and value.imag < 3.4e38:
        return 8
    return 16


def _check_casting(casting):
    if casting != "no" and casting != "equiv" and casting != "safe" and casting != "same_kind" and casting != "unsafe":
        raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{casting}')")


def _check_cast(src, dst, casting):
    # NumPy's casting check of copyto: an array's dtype, or the smallest type of a number's (or 0-d array's) value.
    k2 = _kind(dst)
    s2 = dst.itemsize
    if isinstance(src, (bool, int, float, complex)):
        k1 = _kind(src)
        if isinstance(src, int):
            if k1 == "i" and src >= 0:
                k1 = "u"
        if not _can_cast(k1, _min_scalar_size(src), k2, s2, casting):
            raise TypeError(f"Cannot cast scalar from dtype('{_number_dtype(src)}') to dtype('{dst.dtype}') according to the rule '{casting}'")
    elif src.ndim == 0:
        k1 = _kind(src)
        v = src[()]
        if isinstance(v, int):
            if k1 == "i" and v >= 0:
                k1 = "u"
        if not _can_cast(k1, _min_scalar_size(v), k2, s2, casting):
            raise TypeError(f"Cannot cast scalar from dtype('{src.dtype}') to dtype('{dst.dtype}') according to the rule '{casting}'")
    elif not _can_cast(_kind(src), src.itemsize, k2, s2, casting):
        raise TypeError(f"Cannot cast array data from dtype('{src.dtype}') to dtype('{dst.dtype}') according to the rule '{casting}'")


def _number_dtype(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int64"
    if isinstance(x, float):
        return "float64"
    return "complex128"


def _type_name(x):
    # type(x).__name__ of a value that is not an array.
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, complex):
        return "complex"
    if isinstance(x, list):
        return "list"
    if isinstance(x, tuple):
        return "tuple"
    if x is None:
        return "NoneType"
    return "object"


@overload("numpy.copyto")
def copyto(dst, src, casting="same_kind", where=None):
    if not _sj_is_array(dst):
        _type_error(f"copyto() argument 1 must be numpy.ndarray, not {_type_name(dst)}")
        return None
    _check_casting(casting)
    if where is None:
        dst[...] = _copy_checked(dst, src, casting)
        return None
    if isinstance(where, bool):
        values = _copy_checked(dst, src, casting)
        if where:
            dst[...] = values
        return None
    mask = _as_array(where)
    if mask.dtype != np.bool_:
        raise TypeError(f"Cannot cast array data from dtype('{mask.dtype}') to dtype('bool') according to the rule 'safe'")
    values = _copy_checked(dst, src, casting)
    dims = _shape_list(dst)
    _check_fits(values, dims, "input array")
    _check_fits(mask, dims, "where mask")
    chosen = _broadcast_view(mask, dst.shape, dims, True, False)
    dst[chosen] = _broadcast_view(values, dst.shape, dims, True, False)[chosen]
    return None


def _check_fits(a, dims, what):
    # NumPy's error where a does not broadcast to the shape dims (a list).
    own = _shape_list(a)
    d = len(dims) - a.ndim
    fits = d >= 0
    for k in range(a.ndim):
        if fits and own[k] != 1 and own[k] != dims[d + k]:
            fits = False
    if not fits:
        raise ValueError(f"could not broadcast {what} from shape {_shape_text(own, False)} into shape {_shape_text(dims, False)}")


def _copy_checked(dst, src, casting):
    # src as an array, once NumPy's casting check has passed.
    if isinstance(src, (bool, int, float, complex)):
        _check_cast(src, dst, casting)
        return _storable(np.array(src), dst)
    values = _as_array(src)
    _check_cast(values, dst, casting)
    return _storable(values, dst)


def _storable(values, dst):
    # Complex values for a real array: their real parts, which NumPy's unsafe cast keeps (after its warning).
    if (values.dtype == np.complex128 or values.dtype == np.complex64) and not (dst.dtype == np.complex128 or dst.dtype == np.complex64):
        return values.real
    return values


@overload("numpy.putmask")
def putmask(a, mask, values):
    # a.flat[i] = values.flat[i % len(values)] where mask.flat[i] (the mask as truth values, of a's size).
    if not _sj_is_array(a):
        _type_error(f"putmask() argument 1 must be numpy.ndarray, not {_type_name(a)}")
        return None
    m = _flat(mask)
    if m.shape[0] != a.size:
        raise ValueError("putmask: mask and data must be the same size")
    v = _values_for(values, a)
    nv = v.shape[0]
    if nv == 0:
        return None
    _put_flat(a, m, v, False)
    return None


@overload("numpy.place")
def place(arr, mask, vals):
    # The items of arr where mask is true become vals' items, in order (repeated as needed).
    if not _sj_is_array(arr):
        _type_error(f"argument 1 must be numpy.ndarray, not {_type_name(arr)}")
        return None
    m = _flat(mask)
    if m.shape[0] != arr.size:
        raise ValueError("place: mask and data must be the same size")
    v = _values_for(vals, arr)
    if v.shape[0] == 0:
        for i in range(m.shape[0]):
            if m[i] != 0:
                raise ValueError("Cannot insert from an empty array!")
        return None
    _put_flat(arr, m, v, True)
    return None


def _values_for(values, a):
    # The values for a, flattened: an array must cast safely to a's dtype (NumPy's check), numbers and lists are
    # converted.
    if isinstance(values, (bool, int, float, complex)):
        return np.array([values])
    if _sj_is_array(values):
        if not _can_cast(_kind(values), values.itemsize, _kind(a), a.itemsize, "safe"):
            raise TypeError(f"Cannot cast array data from dtype('{values.dtype}') to dtype('{a.dtype}') according to the rule 'safe'")
        return _flat(values)
    return _flat(np.array(values))


def _put_flat(a, mask, values, in_order):
    # a's item i (in C order) becomes a value where mask[i] is true: the next one (in_order) or the one at i.
    nv = values.shape[0]
    if a.ndim == 0:
        if mask[0] != 0:
            a[()] = values[0]
        return
    if a.ndim == 1:
        _put_line(a, mask, values, in_order, 0, 0)
        return
    # line by line along the last axis
    last = a.ndim - 1
    n = a.shape[last]
    if n == 0:
        return
    dims = _shape_list(a)
    at = [0] * last
    k = 0
    for r in range(a.size // n):
        q = r
        for j in range(last - 1, -1, -1):
            at[j] = q % dims[j]
            q = q // dims[j]
        k = _put_line(a[_tuple_like(a.shape[1:], at)], mask, values, in_order, r * n, k)


def _put_line(row, mask, values, in_order, start, k):
    # _put_flat for the items start, start + 1, ... of a (the 1-d row); k values were used before; returns how
    # many are used after it.
    nv = values.shape[0]
    for j in range(row.shape[0]):
        i = start + j
        if mask[i] != 0:
            row[j] = values[(k if in_order else i) % nv]
            k += 1
    return k


def _method_itemset(a, args):
    # a.itemset(*args): the last argument is stored at the index the others give (a flat index, a tuple of
    # indices or one index per axis), converted to a's dtype. (Errors decided while typing are raised by calls,
    # so that the method keeps its type.)
    n = len(args)
    if n == 0:
        _value_error("itemset must have at least one argument")
    elif n == 1:
        if a.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        _set_flat(a, 0, args[0])
    elif n == 2:
        _itemset_at(a, args[0], args[1])
    elif n - 1 != a.ndim:
        _value_error("incorrect number of indices for array")
    else:
        a[args[:n - 1]] = args[n - 1]
    return None


def _itemset_at(a, index, value):
    if isinstance(index, tuple):
        if len(index) != a.ndim:
            _value_error("incorrect number of indices for array")
        else:
            a[index] = value
    elif isinstance(index, float):
        _type_error("'float' object cannot be interpreted as an integer")
    else:
        size = a.size
        if index < -size or index >= size:
            raise IndexError(f"index {index} is out of bounds for size {size}")
        if index < 0:
            _set_flat(a, index + size, value)
        else:
            _set_flat(a, index, value)


def _set_flat(a, i, value):
    # a's item i in C order = value.
    nd = a.ndim
    dims = _shape_list(a)
    at = [0] * nd
    r = i
    for q in range(nd - 1, -1, -1):
        at[q] = r % dims[q]
        r = r // dims[q]
    a[_tuple_like(a.shape, at)] = value


# ---------------------------------------------------------------- lexsort


@overload("numpy.lexsort")
def lexsort(keys, axis=-1):
    # The indices that sort by the last key, then the one before it, and so on: a stable sort by each key in turn,
    # from the first.
    if _sj_is_array(keys):
        if keys.ndim == 0:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        if keys.ndim == 1:
            if keys.shape[0] == 0:
                raise TypeError("need sequence of keys with len > 0 in lexsort")
            return 0
        if keys.ndim != 2:
            _sj_reject("np.lexsort() of keys of more than one dimension is not supported in compiled code", keys)
        if keys.shape[0] == 0:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        _axis(axis, 1)
        order = np.argsort(keys[0], kind="mergesort")
        for k in range(1, keys.shape[0]):
            order = order[np.argsort(keys[k][order], kind="mergesort")]
        return order
    if len(keys) == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    first = _as_array(keys[0])
    if first.ndim != 1:
        _sj_reject("np.lexsort() of keys of more than one dimension is not supported in compiled code", first)
    _axis(axis, 1)
    n = first.shape[0]
    if isinstance(keys, list):
        for k in range(len(keys)):
            if keys[k].shape[0] != n:
                raise ValueError("all keys need to be the same shape")
        order = np.argsort(first, kind="mergesort")
        for k in range(1, len(keys)):
            order = order[np.argsort(keys[k][order], kind="mergesort")]
        return order
    _check_key_lengths(keys, n)
    return _lexsort_from(keys[1:], np.argsort(first, kind="mergesort"))


def _check_key_lengths(keys, n):
    if len(keys) != 0:
        key = _as_array(keys[0])
        if key.ndim != 1:
            raise ValueError("all keys need to be the same shape")
        if key.shape[0] != n:
            raise ValueError("all keys need to be the same shape")
        _check_key_lengths(keys[1:], n)


def _lexsort_from(keys, order):
    if len(keys) == 0:
        return order
    key = _as_array(keys[0])
    return _lexsort_from(keys[1:], order[np.argsort(key[order], kind="mergesort")])


# ---------------------------------------------------------------- conversions and facts about shapes


@overload("numpy.asfarray")
def asfarray(a, dtype=None):
    # np.asarray(a, dtype) with an inexact dtype (any other is float64): a itself where it has that dtype.
    if dtype is None:
        return _as_dtype(a, np.float64)
    if dtype == np.float32 or dtype == np.float64 or dtype == np.complex64 or dtype == np.complex128:
        return _as_dtype(a, dtype)
    return _as_dtype(a, np.float64)


def _as_dtype(a, dtype):
    a = _as_array(a)
    if a.dtype == dtype:
        return a
    return a.astype(dtype)


@overload("numpy.ascontiguousarray")
def ascontiguousarray(a, dtype=None, *, like=None):
    # a itself where it is C-contiguous (with the dtype asked), else a C-ordered copy; at least 1-d.
    if dtype is None:
        return _contiguous_copy(_atleast_1d(_as_array(a)), False)
    return _contiguous_copy(_atleast_1d(_as_dtype(a, dtype)), False)


@overload("numpy.asfortranarray")
def asfortranarray(a, dtype=None, *, like=None):
    if dtype is None:
        return _contiguous_copy(_atleast_1d(_as_array(a)), True)
    return _contiguous_copy(_atleast_1d(_as_dtype(a, dtype)), True)


def _c_ordered(a):
    # np.asarray(a, order='C') of an array whose strides only the run time knows
    return _contiguous_copy(a, False)


def _fortran_ordered(a):
    return _contiguous_copy(a, True)


def _atleast_1d(a):
    if a.ndim == 0:
        return a.reshape(1)
    return a


def _contiguous_copy(a, fortran):
    # a itself where its type says it is contiguous in that order; a view typed so where it is at run time; else a
    # copy in that order.
    if fortran:
        if _sj_is_f(a):
            return a
    elif _sj_is_c(a):
        return a
    if _contiguous(a, fortran):
        return _sj_as_contiguous(a, fortran)
    if fortran:
        # a C-ordered array of the reversed shape, transposed, has Fortran's strides
        dims = _shape_list(a)
        out = np.empty(_tuple_like(a.shape, dims[::-1]), a.dtype).T
        out[...] = a
        return out
    return a.copy()


@overload("numpy.isscalar")
def isscalar(element):
    return isinstance(element, (bool, int, float, complex)) or isinstance(element, str)


@overload("numpy.shape")
def shape(a):
    if _sj_is_array(a):
        return a.shape
    if isinstance(a, (bool, int, float, complex)):
        return ()
    return np.asarray(a).shape


@overload("numpy.ndim")
def ndim(a):
    if _sj_is_array(a):
        return a.ndim
    if isinstance(a, (bool, int, float, complex)):
        return 0
    return np.asarray(a).ndim


@overload("numpy.size")
def size(a, axis=None):
    if _sj_is_array(a):
        return _size(_shape_list(a), a.size, axis)
    if isinstance(a, (bool, int, float, complex)):
        return _size([0] * 0, 1, axis)
    b = np.asarray(a)
    return _size(_shape_list(b), b.size, axis)


def _size(dims, count, axis):
    if axis is None:
        return count
    n = len(dims)
    if axis < -n or axis >= n:
        raise IndexError("tuple index out of range")
    if axis < 0:
        return dims[axis + n]
    return dims[axis]


# ---------------------------------------------------------------- tensordot


def _axes_tuple(axes):
    # One side of tensordot's axes (NumPy's: an int or a sequence of ints) as a tuple, whose length is known while
    # typing.
    if isinstance(axes, int):
        return (axes,)
    if isinstance(axes, list):
        _sj_reject("np.tensordot() takes its axes as ints or tuples in compiled code (a list's length is known only at run time)", axes)
    return axes


@overload("numpy.tensordot")
def tensordot(a, b, axes=None):
    # The axes decide the result's rank, so they are compile-time values: an int (NumPy's default 2 passed on as
    # one), or a pair of ints or of tuples of ints.
    if axes is None:
        return _tensordot(_as_array(a), _as_array(b), 2)
    return _tensordot(_as_array(a), _as_array(b), axes)


def _tensordot(a, b, axes):
    if isinstance(axes, int):
        return _tensordot_over(a, b, (0,) * axes, (0,) * axes, [k - axes for k in range(axes)], [k for k in range(axes)])
    if isinstance(axes, list):
        _sj_reject("np.tensordot() takes its axes as ints or tuples in compiled code (a list's length is known only at run time)", axes)
    ta = _axes_tuple(axes[0])
    tb = _axes_tuple(axes[1])
    return _tensordot_over(a, b, ta, tb, _items(ta), _items(tb))


def _tensordot_over(a, b, ta, tb, axes_a, axes_b):
    # NumPy 1.24's tensordot: the summed axes (axes_a of a, axes_b of b; as many as ta's and tb's items) moved to the
    # end of a and the front of b, both seen as matrices, one np.dot, and the free axes of a then b as the result's
    # shape.
    na = len(ta)
    nb = len(tb)
    nda = a.ndim
    ndb = b.ndim
    sa = _shape_list(a)
    sb = _shape_list(b)
    equal = na == nb
    if equal:
        for k in range(na):
            ia = axes_a[k]
            ib = axes_b[k]
            if ia < -nda or ia >= nda or ib < -ndb or ib >= ndb:
                raise IndexError("tuple index out of range")
            if ia < 0:
                ia += nda
            if ib < 0:
                ib += ndb
            if sa[ia] != sb[ib]:
                equal = False
                break
            axes_a[k] = ia
            axes_b[k] = ib
    if not equal:
        raise ValueError("shape-mismatch for sum")
    free_a = [k for k in range(nda) if k not in axes_a]
    free_b = [k for k in range(ndb) if k not in axes_b]
    if len(free_a) != nda - na or len(free_b) != ndb - nb:
        raise ValueError("repeated axis in transpose")
    n = 1
    for ax in axes_a:
        n *= sa[ax]
    m = 1
    for ax in free_a:
        m *= sa[ax]
    p = 1
    for ax in free_b:
        p *= sb[ax]
    at = a.transpose(_tuple_like(a.shape, free_a + axes_a)).reshape((m, n))
    bt = b.transpose(_tuple_like(b.shape, axes_b + free_b)).reshape((n, p))
    res = np.dot(at, bt)
    return res.reshape(_tuple_like((0,) * (nda - na + ndb - nb), [sa[ax] for ax in free_a] + [sb[ax] for ax in free_b]))
