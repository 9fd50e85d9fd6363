# Covers: np.convolve over long signals (computed a block of outputs at a time, tap after tap): every mode around the
# block boundaries and the ends, the shorter operand first or second, one-element operands, int, bool, float32 and
# complex operands (integer-valued, so that any order of addition gives NumPy's sums exactly)
import numpy as np


def conv3(x, w):
    return np.convolve(x, w), np.convolve(x, w, mode="same"), np.convolve(x, w, mode="valid")


def ends(r):
    print(r.dtype, r.shape, r[:6], r[2040:2056], r[4090:4102], r[-6:], r.sum())


def show(rs):
    for r in rs:
        ends(r)


x = (np.arange(5000) * 37 % 101 - 50).astype(np.float64)
w = np.array([1.0, -2.0, 3.0, 0.0, 5.0, -1.0, 2.0])
show(conv3(x, w))
show(conv3(w, x))
show(conv3(x.astype(np.int64), np.arange(1, 32)))
show(conv3(x.astype(np.float32), w.astype(np.float32)))
show(conv3(x + 1j * x[::-1], w))
print(conv3(np.array([2.0]), np.array([3.0])), conv3(np.array([True, False, True]), np.array([True, True])))
print(conv3(np.arange(4100.0), np.array([0.5]))[2][4090:], conv3(np.array([3]), np.arange(6)))
