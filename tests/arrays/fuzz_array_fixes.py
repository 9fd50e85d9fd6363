# Covers: differences the array fuzzer (tests/python/test_array_fuzz.py) found, fixed: argmax/argmin of complex arrays
# (real part, then imaginary; the first NaN wins), astype from complex to real, integer and bool (the real part;
# bool: either part non-zero), an int array compared with a run-time int outside its range (compared exactly),
# np.array([], dtype=...), np.clip with a NaN number as a bound (no bound, as NumPy 1.24) and with a None bound.
# A boolean index with an axis of length 0 (unchecked, selects nothing).
import numpy as np
def argm(a):
    return a.argmax(), a.argmin(), np.argmax(a), np.argmin(a)
def cast(a):
    return a.astype(np.float64), a.astype(np.int64), a.astype(np.bool_), a.astype(np.float32)
def cmp(a, b):
    return a > b, a < b, a == b, b >= a
def empty():
    return np.array([], dtype=np.int64), np.array([], dtype=np.float32)
def clips(a, lo, hi):
    return np.clip(a, lo, hi), a.clip(lo, hi)
def one_sided(a):
    return np.clip(a, None, 5.0), np.clip(a, 0.5, None), a.clip(None, 2)
z = np.array([1+2j, 3+0j, 3+1j, -1-5j])
print(argm(z))
print(argm(np.array([1+2j, complex(np.nan, 0), 3+1j, complex(0, np.nan)])))
print(argm(np.array([complex(2, 1)])))
print(cast(z))
print(cmp(np.array([0, 5, -3], np.int8), 200))
print(cmp(np.array([0, 5, -3], np.int8), -200))
print(cmp(np.array([0, 5, 250], np.uint8), -1))
print(cmp(np.array([0, 5, -3], np.int16), np.int32(70000)))
e = empty()
print(e[0], e[0].dtype, e[0].shape, e[1].dtype)
print(clips(np.array([0., 1., 9.]), np.nan, 5.0))
print(clips(np.array([0., 1., 9.]), 0.5, np.nan))
print(clips(np.array([0., 1., 9.]), np.array([np.nan, 0.0, 0.0]), 5.0))
print(one_sided(np.array([0., 1., 9.])))


def fused_clips(a):
    # a None bound inside a fused expression is np.minimum's or np.maximum's call; a NaN number bound is no bound
    return -np.clip(a, a, None), -np.clip(a, None, 3) * 2, np.clip(a, 1, None) + 1, np.clip(a + a, a, np.nan)


print(fused_clips(np.arange(6).reshape(2, 3)))


def no_bounds(a):
    # NumPy raises ValueError (not TypeError) when the call runs
    try:
        return np.clip(a, None, None)
    except ValueError as err:
        print("ValueError:", err)
    try:
        return a.clip(None, None) + 1
    except ValueError as err:
        print("ValueError:", err)
    return a


def empty_axis(a):
    # an empty axis has no extreme even when no line is reduced: NumPy raises before looking at the other axes
    for k in range(4):
        try:
            if k == 0:
                print(a.max(axis=1))
            elif k == 1:
                print(np.min(a, axis=0))
            elif k == 2:
                print(a.argmax(axis=1))
            else:
                print(np.argmin(a, axis=0))
        except ValueError as err:
            print("ValueError:", err)
    print(a.sum(axis=1))


print(no_bounds(np.arange(3.0)))
empty_axis(np.zeros((0, 0)))
empty_axis(np.zeros((0, 3)))
empty_axis(np.zeros((2, 0)))


def compare_uint64_number(a, s):
    # a uint64 number known only at run time against a signed array compares the values
    return s >= a, a < s, a == s, s != a


print(compare_uint64_number(np.array([[0, -5, 127]], dtype=np.int8), np.uint64(169)))
print(compare_uint64_number(np.array([0, 2**62, -1]), np.uint64(2**63 + 1)))
print(compare_uint64_number(np.array([0, 7, 2**64 - 1], dtype=np.uint64), np.uint64(7)))


def empty_masks(a, m):
    # a boolean index with an axis of length 0 selects nothing, unchecked (NumPy 1.24): (a + a)[a[a]] of all-False a
    b = a.copy()
    b[m] = 7
    return a[m], (a + a)[m], b


print(empty_masks(np.array([1.5, 2.5]), np.array([], dtype=np.bool_)))
print(empty_masks(np.arange(6).reshape(2, 3), np.zeros((0, 3), dtype=np.bool_)))
print(empty_masks(np.arange(6).reshape(2, 3), np.zeros((2, 0), dtype=np.bool_)))
f = np.array([False, False])
print(empty_masks(f, f[f]))
try:
    empty_masks(np.arange(6).reshape(2, 3), np.zeros((0, 2), dtype=np.bool_))
except IndexError as e:
    print("IndexError", e)


def argmax_0d(a):
    # a 0-d view of a strided array: np.argmax of it is 0
    return np.argmax(a[0, ...]), np.floor_divide(np.cumsum(a - a), np.argmax(a[0, ...]) + 1)


print(argmax_0d(np.array([1, 0, -5, 4], dtype=np.int16)[::2]))


def clip_literal_bound(a):
    # a complex literal bound too large for complex64 chooses NumPy's complex128 loop
    return a.clip(1e39j, 5.0), np.clip(a, -1e39j, 1e39)


print(clip_literal_bound(np.array([0j, 3 + 1j], dtype=np.complex64)))


def angles32(b):
    # float32 deg2rad/rad2deg multiply in single precision by NumPy's float factor
    return np.deg2rad(b), np.radians(b), np.rad2deg(b), np.degrees(b)


print(angles32(np.array([-9.0, 6.75, 1e-3, 123.456], dtype=np.float32)))


def clip_nan_one_sided(a, s):
    # a NaN bound is unset before the other bound's None is seen: np.maximum(a, -inf), not np.maximum(a, nan)
    return np.clip(a, s, None), np.clip(a, None, s), a.clip(np.array(s), None)


print(clip_nan_one_sided(np.array([True, False, True]), float("nan")))
print(clip_nan_one_sided(np.array([1.5, -2.0]), float("nan")))
