# Covers: dtype= of sum, prod, mean, var, std, cumsum and cumprod (methods and functions, whole arrays and along an
# axis, keepdims; narrow integer dtypes wrapping around as NumPy's do):
# the elements cast to that dtype and reduced in it, as NumPy's casting buffers do (float32 data summed in float64,
# ints in float32, bools in float64, float64 in float32, int64/uint64 accumulators), to NumPy's bits; Fortran-ordered
# and strided operands; var/std with a float dtype the elements promote to (NumPy subtracts the mean from the
# elements as they are).
import numpy as np


def reductions(a):
    print(repr(a.sum(dtype=np.float64)), repr(np.sum(a, dtype=np.float32)), repr(a.mean(dtype=np.float64)))
    print(repr(np.prod(a[:3], dtype=np.float64)), repr(a.var(dtype=np.float64)), repr(np.std(a, axis=0, dtype=np.float64)[:3]))
    print(np.sum(a, axis=0, dtype=np.float64), a.mean(axis=1, dtype=np.float32), a.sum(axis=1, keepdims=True, dtype=np.float64))


def integers(b):
    print(b.sum(dtype=np.int64), np.sum(b, axis=0, dtype=np.uint64), b.prod(axis=1, dtype=np.int64), repr(b.mean(dtype=np.float32)))
    print(np.cumsum(b, dtype=np.float32), b.cumsum(axis=0, dtype=np.int64), np.cumprod(b[:2, :3], axis=1, dtype=np.float64))


def main():
    x = (np.arange(3000, dtype=np.float32).reshape(60, 50) * np.float32(0.37)) % np.float32(7.3)
    reductions(x)
    reductions(x.T)
    reductions(x[::2, ::3])
    reductions(x.astype(np.float64) / 3.0)
    reductions((x > 3).astype(np.int32))
    reductions(x > 3)
    print(np.cumsum(x[:3, :4], dtype=np.float64), x[:3, :4].T.cumsum(axis=1, dtype=np.float64))
    b = (np.arange(24).reshape(4, 6) % 7).astype(np.int8) * 40
    integers(b)
    integers(b.astype(np.uint16))
    c = (x[:4, :5] + 1j * x[:4, 5:10]).astype(np.complex64)
    print(c.sum(dtype=np.complex128), np.mean(c, axis=0, dtype=np.complex128))
    print(repr(b.sum(dtype=np.int8)), repr(np.sum(b, axis=0, dtype=np.int16)), repr(b.prod(axis=1, dtype=np.uint8)))
    print(repr(np.cumsum(b, dtype=np.int8)), repr(b.cumsum(axis=1, dtype=np.uint8)), repr(np.cumprod(b[:2], axis=0, dtype=np.int16)))
    y = np.arange(60.0).reshape(6, 10) * 13.7
    print(repr(y.sum(dtype=np.int32)), repr(y.sum(axis=1, dtype=np.uint16)), repr(np.prod(y[:2, :3], dtype=np.int8)))
    print(repr(b.T.sum(axis=1, keepdims=True, dtype=np.int8)), repr(np.cumsum(y[::2, ::3], dtype=np.int8)))
    h = x.astype(np.int16)
    print(repr(h.var(dtype=np.float32)), repr((x > 3).std(dtype=np.float32)), repr(x.std(dtype=np.float32)))


main()
