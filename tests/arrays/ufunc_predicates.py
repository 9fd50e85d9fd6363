# Covers: isnan/isinf/isfinite/signbit/sign on float64/float32/int/complex/bool arrays, inf, nan, -0.0
import numpy as np


def preds(x):
    print(np.isnan(x), np.isinf(x), np.isfinite(x))


def signs(x):
    print(np.sign(x), np.signbit(x))


f = np.array((0.0, -0.0, 1.5, -2.0, np.inf, -np.inf, np.nan))
preds(f)
preds(f.astype(np.float32))
preds(np.arange(-2, 2))
preds(np.array((1 + 1j, np.nan + 0j, complex(0.0, np.inf))))
preds(np.arange(3) > 0)
signs(f)
signs(f.astype(np.float32))
signs(np.arange(-2, 3))
signs(np.arange(-2, 3, dtype=np.int32))
print(np.sign(np.arange(3, dtype=np.uint8)), np.sign(np.arange(-2, 3, dtype=np.int8)), np.sign(np.array((2 + 1j, -1j, 0j, -3.0 + 0j))))
