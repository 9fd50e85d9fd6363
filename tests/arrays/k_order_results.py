# Covers: NumPy's K order for new arrays: element-wise results of Fortran-ordered operands (operators, ufuncs,
# np.where, broadcast 1-d operands), mixed C/F operands (C), the _like functions and their order=, np.copy/astype/
# np.array of F arrays, ndarray.copy (C), creation with order='F', in-place operators on F arrays, reductions of F
# arrays along each axis (F results, argmax C) and their sums to the bit (NumPy adds in memory order)
import numpy as np


def layout(x):
    return (x.flags.c_contiguous, x.flags.f_contiguous, x.strides)


def bits(x):
    return x.ravel().tolist()


def along(axis, s, mx, mean, argmax, argmin, again):
    print(axis, layout(s), layout(mx), layout(mean), layout(argmax))
    print(bits(s) == bits(again), bits(s)[:4], bits(mean)[:3], bits(argmin)[:6], bits(argmax)[-3:])


def main():
    a = np.arange(24.0).reshape(4, 6) / 7.0
    f = a.T
    print(layout(f * 2.0 + 1.0), layout(np.sin(f)), layout(-f), layout(np.where(f > 1.0, f, 0.0)))
    print(layout(f + np.arange(4.0)), layout(f + a.T), layout(f + np.ones((6, 4))), layout(f > 2.0))
    print(layout(np.empty_like(f)), layout(np.zeros_like(f)), layout(np.ones_like(f)), layout(np.full_like(f, 2.0)))
    print(layout(np.zeros_like(f, order="C")), layout(np.empty_like(a, order="F")), layout(np.ones_like(f, shape=(2, 3, 4))))
    print(layout(np.copy(f)), layout(f.copy()), layout(f.astype(np.float32)), layout(np.array(f)), layout(np.asarray(f, dtype=np.int32)))
    print(layout(np.zeros((3, 4), order="F")), layout(np.ones((2, 3, 4), order="F")), layout(np.full((3, 2), 7, order="F")))
    print(f * 2.0 + 1.0)
    print(np.copy(f).astype(np.int64) + np.zeros_like(f, dtype=np.int64))
    z = np.zeros((6, 4), order="F")
    z += f
    z *= 3.0
    z[1:3, :] -= f[1:3, :]
    print(layout(z), z)
    w = np.ones((3, 5), order="F")
    w[:, 1] = np.arange(3.0)
    print(w, w.sum(axis=0), w.sum(axis=1))
    g = (np.arange(7 * 50 * 3.0).reshape(7, 50, 3) / 3.3).T
    h = g * 1.1 - 0.5
    print(layout(h))
    along(0, h.sum(axis=0), h.max(axis=0), h.mean(axis=0), h.argmax(axis=0), h.argmin(axis=0), np.sum(np.copy(h), axis=0))
    along(1, h.sum(axis=1), h.max(axis=1), h.mean(axis=1), h.argmax(axis=1), h.argmin(axis=1), np.sum(np.copy(h), axis=1))
    along(2, h.sum(axis=2), h.max(axis=2), h.mean(axis=2), h.argmax(axis=2), h.argmin(axis=2), np.sum(np.copy(h), axis=2))
    m = np.sqrt(np.arange(1.0, 2001.0)).reshape(40, 50).T * 3.7
    print(bits(m.sum(axis=0))[:5], bits(m.sum(axis=1))[:5], repr(m.sum()), bits(m.std(axis=1))[:3], bits(m.min(axis=1))[:3])
    print(bits((m * 1.5).sum(axis=1))[:5], bits(np.abs(m - 20.0).max(axis=0))[:5])


main()
