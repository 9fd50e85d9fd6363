# Covers: np.nditer with NumPy's default order 'K' (memory order: axes whose strides are all negative flipped, then sorted by stride, C order where operands disagree), order='C' and 'F', one operand or a tuple broadcast together, 0-d read-only views (x.item(), x[()]), writes refused, zero-sized operands refused, NumPy's broadcast error
import numpy as np


def one(a, order):
    out = []
    for x in np.nditer(a, order=order):
        out.append(x.item())
    return out


def two(a, b):
    out = []
    for x, y in np.nditer((a, b)):
        out.append(x[()] * 1000 + y[()])
    return out


def write(a):
    for x in np.nditer(a):
        x[()] = 1.0


m = np.arange(24.0).reshape(2, 3, 4)
print(one(m, "K"))
print(one(m.T, "K"))
print(one(m[:, ::-1], "K"))
print(one(m[::-1, :, ::2], "K"))
print(one(m.transpose(1, 0, 2), "K"))
print(one(m.swapaxes(0, 2)[::-1], "K"))
print(one(np.arange(5.0)[::-1], "K"))
print(one(np.array(7.0), "K"))
print(one(m.T, "C"))
print(one(m[:, ::-1], "F"))
print(two(m.T, np.arange(2.0)))
print(two(np.arange(4.0), np.arange(3.0)[:, None]))
print(two(m.transpose(2, 0, 1), np.ascontiguousarray(m.transpose(2, 0, 1))))
try:
    write(m)
except ValueError as e:
    print("ValueError:", e)
try:
    one(np.zeros(0), "K")
except ValueError as e:
    print("ValueError:", e)
try:
    two(np.arange(3.0), np.arange(4.0))
except ValueError as e:
    print("ValueError:", e)
