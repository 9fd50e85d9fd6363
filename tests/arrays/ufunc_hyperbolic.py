# Covers: sinh/cosh/tanh/arcsinh/arccosh/arctanh on arrays of float64/float32/int, boundaries (+-1 for arctanh, <1 for arccosh), inf, nan
import numpy as np


def hyp(x):
    print(np.sinh(x), np.cosh(x), np.tanh(x))
    print(np.arcsinh(x), np.arccosh(x), np.arctanh(x))


def close32(x):
    # float32 loops: NumPy's kernels may be 1 ulp off the correctly rounded result that compiled code gives.
    y = x.astype(np.float32)
    for r, e in ((np.sinh(y), np.sinh(x)), (np.cosh(y), np.cosh(x)), (np.tanh(y), np.tanh(x)), (np.arcsinh(y), np.arcsinh(x))):
        same = (np.abs(r - e) <= 1e-6 * np.abs(e)) | (r == e) | (np.isnan(r) & np.isnan(e))
        print(r.dtype, same)


v = np.array((0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 800.0, -np.inf, np.nan))
hyp(v)
close32(v)
hyp(np.arange(-2, 3))
print(np.tanh(np.linspace(-20.0, 20.0, 5)), np.cosh(np.arange(3, dtype=np.int32)).dtype)
