# Covers: float32 arrays stay float32 with Python scalars, NumPy's float32 arithmetic, printing of float32 values
import numpy as np


def scale(a, k):
    return a * k + 0.1


x = np.linspace(0.0, 1.0, 6).astype(np.float32)
y = scale(x, 3.0)
print(y, y.dtype, (x / 3).dtype, x / 3, np.sqrt(x), np.exp(x).dtype)
print(x.sum(), x.max(), x.mean(), (x * x).sum())
