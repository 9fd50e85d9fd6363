# Covers: sum/prod/min/max/mean/std/var/argmin/argmax/any/all, methods and np.* forms, axis=, dtypes of results
# Float sums are printed rounded to 10 digits: NumPy sums pairwise, compiled code with reassociated vector sums.
import numpy as np


def whole(a):
    print(a.sum(), a.prod(), a.min(), a.max(), a.argmin(), a.argmax(), a.any(), a.all())
    print(np.sum(a), np.prod(a), np.min(a), np.max(a), np.amin(a), np.amax(a), np.argmax(a), np.any(a), np.all(a))


def floats(x):
    print(round(float(x.sum()), 10), round(float(x.mean()), 10), round(float(x.std()), 6), round(float(x.var()), 6), x.min(), x.max(), x.argmax())


def axes(m):
    print(m.sum(axis=0), m.sum(axis=1), m.max(axis=0), m.min(axis=1), m.argmax(axis=1), m.mean(axis=0))
    print(np.sum(m, axis=-1), np.any(m > 5, axis=0), np.all(m > 0, axis=1), m.prod(axis=0))


whole(np.arange(1, 8))
whole(np.arange(5, dtype=np.int8) - 2)
floats(np.linspace(-1.0, 3.0, 101))
floats(np.arange(10, dtype=np.float32) / 4)
axes(np.arange(12).reshape(3, 4))
b = np.arange(6) > 2
print(b.sum(), b.any(), b.all(), b.dtype, np.arange(4, dtype=np.uint8).sum())
nan = np.zeros(3)
nan[1] = np.nan
print(nan.max(), nan.min(), nan.argmax(), nan.sum())
m = np.arange(12.0).reshape(3, 4)
print(m.sum(axis=1, keepdims=True), m / m.sum(axis=1, keepdims=True), m.max(axis=0, keepdims=True), np.mean(m, keepdims=True))
e = np.exp(m - m.max(axis=1, keepdims=True))
print(e / e.sum(axis=1, keepdims=True))
