# Covers: np.count_nonzero(a, axis) (an int, negative too, by position or keyword; None), on float, int, bool and
# complex arrays of 1 to 3 dimensions, views, masks made by comparison; int64 counts as NumPy's
import numpy as np


def counts(a):
    print(np.count_nonzero(a, axis=0), np.count_nonzero(a, -1), np.count_nonzero(a, axis=None), np.count_nonzero(a))


def masks(m):
    print(np.count_nonzero(m > 0.5, axis=0), np.count_nonzero(m[::2] < 0.2, 1), np.count_nonzero(m.T != 0, axis=1))


x = np.arange(24.0).reshape(2, 3, 4) % 5
counts(x)
counts(x.astype(np.int8))
counts(x > 2)
counts((x - 2j).reshape(6, 4))
counts(x[:, ::-1, 1:])
counts(np.arange(7) % 3)
masks(np.linspace(0.0, 1.0, 30).reshape(6, 5) ** 2)
