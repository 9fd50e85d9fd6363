# Covers: np.var/np.std/a.var/a.std with ddof= (int, float, negative, >= n, with axis= and keepdims=), and array reductions given the axis by position (a.sum(1), a.cumsum(1), np.cumprod(a, 0), ...)
import numpy as np


def ddofs():
    x = np.array([1, 2, 3, 4])
    print(np.var(x, ddof=1), np.std(x, ddof=1), x.var(ddof=1), x.std(ddof=1))
    print(np.var(x, ddof=0), np.std(x, ddof=1.5), np.var(x, ddof=-1), np.var(x, ddof=True))
    print(np.var(x, ddof=4), np.var(x, ddof=5), np.std(np.array([2.0, 2.0]), ddof=2))
    f = np.array([1.5, -2.0, 3.25, 0.5, 8.0], np.float32)
    v = np.var(f, ddof=1)
    print(v, f.std(ddof=2), np.std(f, ddof=0.5))
    m = np.arange(12).reshape(3, 4) * 1.5
    print(np.var(m, axis=0, ddof=1))
    print(np.std(m, axis=1, ddof=1))
    print(m.var(1, ddof=2), m.std(axis=-1, ddof=0))
    print(np.var(m, axis=0, ddof=1, keepdims=True))
    print(np.std(m, ddof=1, keepdims=True))
    print(np.var(m, ddof=3), np.std(m.T, ddof=1))
    b = np.array([True, False, True, True])
    print(np.var(b, ddof=1), b.std(ddof=1))
    t = np.arange(24).reshape(2, 3, 4)
    print(np.var(t, axis=2, ddof=1))
    print(np.std(t, axis=0, ddof=1))
    z = np.array([1 + 2j, -0.5j, 3 + 1j, 2 - 2j])
    print(np.var(z), np.std(z), z.var(ddof=1), np.std(z, ddof=2), np.var(z.reshape(2, 2), axis=0), np.std(z.reshape(2, 2), 1, ddof=1))
    z64 = z.astype(np.complex64)
    print(np.var(z64), z64.std(ddof=1), np.var(z64.reshape(2, 2), axis=1).dtype, np.var(z, keepdims=True).dtype)
    print(np.var(x, axis=None, ddof=1), np.std(m, None, ddof=1), m.var(0, ddof=1, keepdims=True))
    e = np.array([], np.float64)
    print(np.var(e), np.std(e, ddof=1), np.var(np.ones((0, 3)), axis=0), np.var(np.ones((2, 0)), axis=1, ddof=1))
    print(np.var(np.array([3.0]), ddof=1), np.var(np.array([[1.0, 2.0]]), axis=0, ddof=1))


def positional_axes():
    a = np.array([[3, 1, 4], [1, 5, 9]])
    print(a.sum(1), a.sum(0), a.prod(1), a.min(1), a.max(0), a.mean(1))
    print(a.var(1), a.std(0), a.argmin(1), a.argmax(0), a.any(1), a.all(0))
    print(a.cumsum(1))
    print(a.cumsum(0))
    print(a.cumprod(1))
    print(a.cumprod(-2))
    print(a.cumsum(None), a.cumsum(axis=1).dtype)
    print(np.cumsum(a, 1))
    print(np.cumprod(a, 0))
    print(np.sum(a, 1), np.max(a, 0), np.mean(a, -1))
    f = np.array([[0.5, 1.5], [2.0, -1.0]])
    print(f.cumsum(0), f.cumprod(1), f.mean(0), f.std(1))
    print(np.arange(5).cumsum(0), np.arange(1, 5).cumprod(-1))
    try:
        a.cumsum(2)
    except ValueError as e:
        print("ValueError", e)


ddofs()
positional_axes()
