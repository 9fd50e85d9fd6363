# Covers: sqrt/exp/exp2/expm1/log/log2/log10/log1p/cbrt on float64/float32/int arrays, with 0, negatives, inf and nan
import numpy as np


def special():
    x = np.zeros(7)
    x[0] = -1.0
    x[1] = -0.0
    x[3] = 1.0
    x[4] = np.inf
    x[5] = -np.inf
    x[6] = np.nan
    return x


def family(x):
    print(np.sqrt(x), np.exp(x), np.exp2(x))
    print(np.log(x), np.log2(x), np.log10(x))
    print(np.log1p(x), np.expm1(x), np.cbrt(x))


def close32(x):
    # float32 loops: NumPy's SIMD kernels may be 1 ulp off the correctly rounded result that compiled code gives.
    y = x.astype(np.float32)
    for r, e in ((np.sqrt(y), np.sqrt(x)), (np.exp(y), np.exp(x)), (np.log(y), np.log(x)), (np.log2(y), np.log2(x)), (np.expm1(y), np.expm1(x))):
        same = (np.abs(r - e) <= 1e-6 * np.abs(e)) | (r == e) | (np.isnan(r) & np.isnan(e))
        print(r.dtype, same)


family(special())
close32(special())
ints = np.arange(0, 9, 2)
print(np.sqrt(ints), np.exp(ints), np.log(ints), np.log2(ints), np.log10(ints * 25), np.cbrt(ints * 4))
print(np.sqrt(np.arange(5, dtype=np.int32)).dtype, np.exp(np.arange(3, dtype=np.uint32)).dtype, np.log(np.arange(1, 3, dtype=np.int64)).dtype)
print(np.exp(np.array((700.0, 710.0, -750.0))), np.log(np.array((1e-320, 1e308))), np.exp2(np.arange(-3, 4)))
