# Covers: reductions of bool and complex arrays along axes (sum/prod/min/max/mean/argmax/argmin/std/var, cumsum/cumprod) and result dtypes of axis reductions for int8..uint64/float32/bool
import numpy as np


def f(b):
    print(b.sum(axis=0), b.sum(axis=1), b.prod(axis=0), b.min(axis=1), b.max(axis=0), b.mean(axis=0), b.argmax(axis=1), b.argmin(axis=0))
    print(b.sum(), b.prod(), b.min(), b.max(), b.std(), b.var(axis=1), b.cumsum(), b.cumprod(), np.count_nonzero(b))
    print(b.sum(axis=0).dtype, b.prod(axis=0).dtype, b.max(axis=0).dtype, b.cumsum().dtype)


def g(c):
    print(c.sum(axis=0), c.prod(axis=1), c.mean(axis=0), c.cumsum(), c.cumprod(), c.sum(), np.count_nonzero(c))


def h(u):
    print(u.sum(axis=0).dtype, u.prod(axis=1).dtype, u.max(axis=0).dtype, u.mean(axis=0).dtype, u.cumsum().dtype, u.cumprod().dtype, u.std(axis=0).dtype)


f(np.array(((True, False, True), (True, True, False))))
g(np.array(((1 + 1j, 2j), (3.0 + 0j, -1j))))
g(np.array(((1 + 1j, 2j), (3.0 + 0j, -1j)), dtype=np.complex64))
h(np.ones((2, 2), dtype=np.int8))
h(np.ones((2, 2), dtype=np.uint8))
h(np.ones((2, 2), dtype=np.int32))
h(np.ones((2, 2), dtype=np.uint32))
h(np.ones((2, 2), dtype=np.uint64))
h(np.ones((2, 2), dtype=np.float32))
h(np.ones((2, 2), dtype=np.bool_))
