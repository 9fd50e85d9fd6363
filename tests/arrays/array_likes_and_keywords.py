# Covers: tuples and lists where NumPy takes an array (np.prod(a.shape), np.mean([...]), np.sum, max, min, argmax, any,
# all, std, var, count_nonzero, where, dot, clip, median, sort, argsort, unique, cumsum, nansum, ptp, average, diff,
# percentile, take, polyval, histogram's bins as edges, weighted too); np.array(range(...)); x in a (NumPy's (a == x).any()); creation parameters by name (np.zeros(shape=...), np.full(3, fill_value=...),
# np.eye(N, M=None, k=...), np.identity(n=...)); np.eye's k and M; np.array(..., copy=False); clip's keywords
# (a.clip(min=...), a.clip(max=...), np.clip(a, a_min=..., a_max=...)).
import numpy as np


def array_likes(a):
    print(np.prod(a.shape), np.sum(a.shape), np.max((3, 1, 2)), np.mean([1.0, 2.0, 4.0]), np.sum([1, 2, 3]))
    print(np.argmax([1, 5, 2]), np.min([2.5, 1.5]), np.any((0, 1)), np.all([True, False]), np.amax([1, 2]))
    print(np.std((1.0, 2.0, 4.0)), np.var([1.0, 2.0]), np.count_nonzero([0, 1, 2]), np.argmin((3.0, 1.0)))
    print(np.where([True, False], 1, 2), np.where(a > 2, a, [9.0, 8.0, 7.0]))
    print(np.dot([1.0, 2.0], [3.0, 4.0]), np.dot(a, (1.0, 0.0, 2.0)), np.clip([1, 5, 9], 2, 6))
    print(np.prod((2, 3.5)), np.sum([True, True, False]))
    print(np.median([3.0, 1.0, 2.0]), np.sort([3, 1, 2]), np.argsort((3, 1, 2)), np.unique([3, 1, 3]))
    print(np.cumsum((1, 2, 3)), np.cumprod([1, 2, 3]), np.nansum([1.0, np.nan]), np.ptp([1, 5]))
    print(np.average([1.0, 3.0]), np.diff([1, 4, 9]), np.percentile([1.0, 2.0, 3.0, 4.0], 50), np.take([4, 5, 6], 1))
    print(np.take(a, [0, 2]), np.histogram(a, bins=[0.0, 2.0, 5.0])[0], np.histogram(a, bins=np.array([0, 1, 6]), weights=a))
    print(np.polyval([1.0, 2.0], a[0]), np.array(range(4)), np.array(range(2, 11, 3), dtype=np.float32), np.asarray(range(3)))
    print(3.0 in a, 100.0 in a, 2 in a[0], 2.5 not in a, a[0] in a, np.array([9.0, 1.0]) in a[:, :2])


def keywords(a):
    print(np.zeros(shape=(2, 3)).shape, np.ones(shape=3, dtype=np.int32), np.empty(shape=(1, 2), dtype=np.float32).dtype)
    print(np.full(3, fill_value=2.5), np.full(shape=(2, 2), fill_value=7), np.full((2,), 1, dtype=np.float32))
    print(np.full_like(a, fill_value=3)[0], np.full_like(a, 2.0, dtype=np.int32)[1])
    print(np.eye(3, k=1))
    print(np.eye(3, 4, -1))
    print(np.eye(2, M=3, k=2, dtype=np.int64))
    print(np.eye(N=3, M=None, k=0))
    print(np.eye(4, 3, k=-3), np.eye(3, k=5).sum(), np.eye(2, 3, order='F').strides)
    print(np.identity(n=2), np.identity(3, dtype=np.bool_))
    b = np.array(a, dtype=np.float32, copy=True)
    b[0, 0] = 100.0
    c = np.array(a, copy=False)
    c[0, 1] = -5.0
    d = np.array(a, dtype=np.int64, copy=False)
    d[0, 2] = 77
    print(a[0], b[0], d[0], b.dtype, d.dtype)
    print(a.clip(min=1), a.clip(max=2), a.clip(1), np.clip(a, a_min=1, a_max=3), np.clip(a, 2, a_max=4))


def histogram_edges():
    # more values than one block of NumPy's cumulative count (65,536)
    x = np.sin(np.arange(150000) * 0.37)
    print(np.histogram(x, bins=np.linspace(-1, 1, 7))[0], np.histogram(x, bins=[-1.0, -0.5, 0.0, 0.25, 1.0])[0])
    h, e = np.histogram(x, bins=[-1.0, 0.0, 1.0], weights=x * 2, density=True)
    print(np.round(h, 9), e)
    try:
        np.histogram(x, bins=[0.0, -1.0])
    except ValueError as err:
        print("ValueError", err)


def main():
    histogram_edges()
    array_likes(np.arange(6.0).reshape(2, 3))
    keywords(np.arange(6.0).reshape(2, 3))


main()
