"""np.sort and np.argsort (Library/py/numpy.py: an introsort below _RADIX_MIN_*, an LSD radix sort on the numbers'
bytes above, a merge sort for complex numbers) against NumPy on random draws: every number dtype, lengths on both
sides of each threshold, full-range values, many ties, sorted/reversed/constant runs, floats with NaN (either sign),
infinities and subnormals, strided and 2-d inputs along each axis. Sorted values must equal NumPy's (NaNs equal; an
array that mixes 0.0 and -0.0 is compared as values, since NumPy leaves their order to its algorithm) and be a
permutation of the input bit for bit; argsort must give a stable order (NumPy's kind="stable")."""
import random
import warnings

import numpy as np
import pytest

import sharpjit

INTS = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, np.bool_]
FLOATS = [np.float32, np.float64]
LENGTHS = [0, 1, 2, 3, 15, 16, 17, 18, 100, 1023, 1024, 1025, 3000, 8191, 8192, 8193, 20000]


@sharpjit.jit
def sort(a):
    return np.sort(a)


@sharpjit.jit
def argsort(a):
    return np.argsort(a)


@sharpjit.jit
def both_along(a, axis):
    return np.sort(a, axis=axis), np.argsort(a, axis=axis)


@sharpjit.jit
def sort_in_place(a):
    a.sort()


def values(rng, dtype, n):
    kind = rng.integers(6)
    info = np.iinfo(dtype) if dtype != np.bool_ and np.issubdtype(dtype, np.integer) else None
    if dtype == np.bool_:
        return rng.integers(0, 2, n).astype(np.bool_)
    if info is not None:
        if kind == 0:
            a = rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True)   # full range
        elif kind == 1:
            a = rng.integers(0, 5, n).astype(dtype)                               # many ties
        elif kind == 2:
            a = np.sort(rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True))
        elif kind == 3:
            a = np.sort(rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True))[::-1].copy()
        elif kind == 4:
            a = np.full(n, info.max, dtype)
        else:
            a = rng.integers(-300, 300, n).astype(np.int64) % (int(info.max) + 1) if info.min == 0 else rng.integers(max(-300, info.min), min(300, info.max), n)
            a = a.astype(dtype)                                                     # small values, both signs when signed
        return a
    if kind == 0:
        a = rng.standard_normal(n) * 10.0 ** rng.integers(-300, 300, n)
    elif kind == 1:
        a = rng.integers(-3, 4, n).astype(np.float64)
    elif kind == 2:
        a = np.sort(rng.random(n))
    elif kind == 3:
        a = -np.sort(rng.random(n))
    elif kind == 4:
        a = np.full(n, 2.5)
    else:
        a = rng.random(n) - 0.5
    with np.errstate(over="ignore"):
        a = a.astype(dtype)
    if n:
        specials = np.array([np.nan, -np.nan, np.inf, -np.inf, 1e-320, -1e-320, 0.0, -0.0]).astype(dtype)
        for _ in range(rng.integers(0, 6)):
            a[rng.integers(n)] = specials[rng.integers(len(specials))]
    return a


def same_sorted(got, a):
    want = np.sort(a)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want, equal_nan=True)
    # bit for bit a permutation of the input (NaN payloads and the signs of zeros kept)
    bits = np.dtype("u%d" % a.itemsize) if a.dtype != np.bool_ else np.uint8
    assert np.array_equal(np.sort(got.view(bits)), np.sort(np.ascontiguousarray(a).view(bits)))
    if a.dtype.kind == "f" and not (np.any(a == 0) and np.any(np.signbit(a[a == 0])) and np.any(~np.signbit(a[a == 0]))):
        non_nan = ~np.isnan(want)
        assert np.array_equal(got[non_nan].view(bits), want[non_nan].view(bits))


@pytest.mark.parametrize("dtype", INTS + FLOATS, ids=lambda d: np.dtype(d).name)
def test_sort_and_argsort_match_numpy(dtype):
    rng = np.random.default_rng(np.dtype(dtype).num)
    for n in LENGTHS:
        for _ in range(3):
            a = values(rng, dtype, n)
            if rng.random() < 0.3 and n:
                a = np.repeat(a, 2)[::2]                                   # strided view with the same values
            same_sorted(sort(a), a)
            order = argsort(a)
            assert np.array_equal(order, np.argsort(a, kind="stable"))
            b = a.copy()
            sort_in_place(b)
            same_sorted(b, a)


@pytest.mark.parametrize("dtype", [np.int32, np.uint64, np.float64, np.float32, np.int8], ids=lambda d: np.dtype(d).name)
def test_sorts_along_each_axis_match_numpy(dtype):
    rng = np.random.default_rng(7)
    for shape in [(3, 9000), (9000, 2), (2, 1100), (5, 40)]:
        a = values(rng, dtype, shape[0] * shape[1]).reshape(shape)
        for axis in (0, 1, -1):
            got, order = both_along(a, axis)
            assert np.array_equal(got, np.sort(a, axis=axis), equal_nan=True)
            assert np.array_equal(order, np.argsort(a, axis=axis, kind="stable"))
        assert np.array_equal(both_along(a.T, 0)[0], np.sort(a.T, axis=0), equal_nan=True)


def adversary(n):
    """McIlroy's adversary against a Python copy of _intro_sort's partitioning: values that drive the quicksort to
    its worst case, so the compiled sort must fall back to its heapsort. Returns the values and how many times the
    copy fell back."""
    gas = n
    val = [gas] * n
    state = {"solid": 0, "candidate": 0}

    def freeze(x):
        val[x] = state["solid"]
        state["solid"] += 1

    def lt(x, y):
        if val[x] == gas and val[y] == gas:
            freeze(x if x == state["candidate"] else y)
        if val[x] == gas:
            state["candidate"] = x
        elif val[y] == gas:
            state["candidate"] = y
        return val[x] < val[y]

    v = list(range(n))
    fallbacks = 0
    stack = []
    lo, hi = 0, n - 1
    depth = 0
    m = n
    while m > 1:
        depth += 2
        m >>= 1
    while True:
        while hi - lo > 16:
            if depth <= 0:
                fallbacks += 1
                v[lo:hi + 1] = sorted(v[lo:hi + 1], key=lambda x: val[x])
                lo = hi
                break
            depth -= 1
            mid = lo + ((hi - lo) >> 1)
            if lt(v[mid], v[lo]):
                v[mid], v[lo] = v[lo], v[mid]
            if lt(v[hi], v[mid]):
                v[hi], v[mid] = v[mid], v[hi]
            if lt(v[mid], v[lo]):
                v[mid], v[lo] = v[lo], v[mid]
            pivot = v[mid]
            i, j = lo, hi - 1
            v[mid] = v[j]
            v[j] = pivot
            while True:
                i += 1
                while lt(v[i], pivot):
                    i += 1
                j -= 1
                while lt(pivot, v[j]):
                    j -= 1
                if i >= j:
                    break
                v[i], v[j] = v[j], v[i]
            v[hi - 1] = v[i]
            v[i] = pivot
            if i - lo < hi - i:
                stack.append((i + 1, hi, depth))
                hi = i - 1
            else:
                stack.append((lo, i - 1, depth))
                lo = i + 1
        if not stack:
            break
        lo, hi, depth = stack.pop()
    for x in range(n):
        if val[x] == gas:
            freeze(x)
    return np.array(val, np.int64), fallbacks


def test_a_quicksort_killer_falls_back_to_heapsort():
    a, fallbacks = adversary(3000)
    assert fallbacks > 0                      # the input really exhausts the depth limit
    for t in (np.int64, np.float64, np.int16):
        x = a.astype(t)
        assert np.array_equal(sort(x), np.sort(x))


@sharpjit.jit
def medians(a):
    return np.median(a), np.median(a, axis=0), np.median(a, axis=-1)


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.uint8, np.int16], ids=lambda d: np.dtype(d).name)
def test_medians_by_selection_match_numpy(dtype):
    # np.median selects the middle values (quickselect with the introsort's partitions, heapsort past its depth limit)
    # instead of sorting: NumPy's results for odd and even lengths, ties, NaN anywhere, both axes.
    rng = np.random.default_rng(np.dtype(dtype).num + 100)
    for shape in [(1, 1), (1, 17), (2, 2), (17, 3), (33, 40), (200, 5), (3, 1001)]:
        for _ in range(3):
            a = values(rng, dtype, shape[0] * shape[1]).reshape(shape)
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                want = (np.median(a), np.median(a, axis=0), np.median(a, axis=-1))
            for g, w in zip(medians(a), want):
                assert np.array_equal(g, w, equal_nan=True), (shape, g, w)
    killer, _ = adversary(3000)
    x = killer.astype(dtype if dtype != np.uint8 else np.int64).reshape(1, -1)
    assert np.array_equal(medians(x)[0], np.median(x))


@sharpjit.jit
def partitions(a, k, ks):
    return np.partition(a, k), np.partition(a, ks), np.partition(a, -1, axis=None)


@sharpjit.jit
def partition_axis0(a, k):
    return np.partition(a, k, axis=0)


def is_partition(p, a, ks, axis):
    # each kth element in its sorted place, none larger before it, none smaller after (NaN last), a permutation
    s = np.sort(a, axis=axis)
    p, s = np.moveaxis(p, axis, -1), np.moveaxis(s, axis, -1)
    assert np.array_equal(np.sort(p, axis=-1), s, equal_nan=True)
    for k in ks:
        k = k % p.shape[-1]
        assert np.array_equal(p[..., k], s[..., k], equal_nan=True)
        with np.errstate(invalid="ignore"):
            before = p[..., :k] <= p[..., k:k + 1]
            after = p[..., k + 1:] >= p[..., k:k + 1]
        nan_k = np.isnan(p[..., k:k + 1]) if p.dtype.kind == "f" else np.zeros(p[..., k:k + 1].shape, bool)
        assert np.all(before | nan_k) and np.all(after | (np.isnan(p[..., k + 1:]) if p.dtype.kind == "f" else False))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int8, np.uint32], ids=lambda d: np.dtype(d).name)
def test_partitions_by_selection_are_partitions(dtype):
    # np.partition selects each kth element (quickselect; NaNs set aside first): every kth in its sorted place, the
    # rest on its side, for one kth or several, along an axis or the flattened array.
    rng = np.random.default_rng(np.dtype(dtype).num + 200)
    for shape in [(1, 3), (20, 30), (300, 4), (5, 2000)]:
        for _ in range(3):
            a = values(rng, dtype, shape[0] * shape[1]).reshape(shape)
            k = int(rng.integers(-shape[1], shape[1]))
            ks = np.array(sorted(rng.choice(shape[1], size=min(3, shape[1]), replace=False)))
            p1, p2, p4 = partitions(a, k, ks)
            is_partition(p1, a, [k], -1)
            is_partition(p2, a, list(ks), -1)
            is_partition(p4, a.ravel(), [-1], 0)
            k0 = int(rng.integers(-shape[0], shape[0]))
            is_partition(partition_axis0(a, k0), a, [k0], 0)
    with pytest.raises(ValueError, match="out of bounds"):
        partition_axis0(np.zeros((2, 3), dtype), 2)


@sharpjit.jit
def quantiles(a, q):
    return (np.quantile(a, q), np.quantile(a, q, axis=0), np.percentile(a, q * 100, axis=1, method="lower"),
            np.quantile(a, q, method="higher"), np.quantile(a, q, axis=1, method="nearest"),
            np.quantile(a, q, method="midpoint"), np.quantile(a, 0.5, axis=1))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int16], ids=lambda d: np.dtype(d).name)
def test_quantiles_by_partition_match_numpy(dtype):
    # (integers kept small: where hi - lo overflows a narrow type, NumPy's interpolation wraps for a whole array but
    # not along an axis; this code wraps in both, as it did before the partition)
    # np.quantile/np.percentile partition each line around the indices the method reads (each q's floor and the
    # next, and the last, NaN if any) instead of sorting it: NumPy's values for every method, axis and NaN placement.
    rng = np.random.default_rng(np.dtype(dtype).num + 300)
    for shape in [(1, 1), (3, 17), (40, 25), (5, 1000)]:
        for _ in range(3):
            a = values(rng, dtype, shape[0] * shape[1]).reshape(shape)
            if a.dtype.kind == "i":
                a = a % 1000
            q = np.sort(rng.random(int(rng.integers(1, 4))))
            q[0] = rng.choice([0.0, 1.0, q[0]])
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                want = (np.quantile(a, q), np.quantile(a, q, axis=0), np.percentile(a, q * 100, axis=1, method="lower"),
                        np.quantile(a, q, method="higher"), np.quantile(a, q, axis=1, method="nearest"),
                        np.quantile(a, q, method="midpoint"), np.quantile(a, 0.5, axis=1))
            for g, w in zip(quantiles(a, q), want):
                assert np.array_equal(g, w, equal_nan=True), (shape, q, g, w)
