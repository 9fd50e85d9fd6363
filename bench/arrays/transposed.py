# transposed: standardise the columns of a matrix held transposed (samples by features, given as features by samples,
# as data from Fortran, R or MATLAB arrives), then a smooth activation.
# Measures: element-wise expressions and column reductions over a Fortran-ordered view (NumPy keeps its order for the
# results: K order), broadcasting a row over it.
# Needs: .T, ndarray.mean/std(axis=0) of an F-ordered array, (n, m) - (m,), np.tanh.
import numpy as np


def kernel(x):
    xt = x.T
    z = (xt - xt.mean(axis=0)) / xt.std(axis=0)
    return z * 0.5 + np.tanh(z)


def setup():
    rng = np.random.default_rng(0)
    return (rng.random((500, 2000)),)

# --- sanity ---
print(f"{kernel(*setup()).sum():.9e}")
