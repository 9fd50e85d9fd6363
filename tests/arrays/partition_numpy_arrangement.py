# Covers: np.partition, np.argpartition, a.partition (in place) and a.argpartition arrange every element as NumPy 1.24's introselect does (not only the kth): small kth (its selection of minima), kth at the end of float arrays (its maximum scan), median-of-3 rounds, the median-of-medians fallback on inputs that defeat median-of-3, several kth sharing one stack of pivots, NaNs, ties, complex numbers, ints, float32, axis 0, 1 and None
import numpy as np


def show(a, kth):
    print(np.partition(a, kth))
    print(np.argpartition(a, kth))


x = np.sin(np.arange(40) * 1.7) * 10
show(x, 0)
show(x, 2)
show(x, 17)
show(x, -1)
show(x, (3, 20, 35))
show(x, [-5, 1])
show(np.round(x).astype(np.int64), 11)
show(x.astype(np.float32), 25)
y = x.copy()
y[::7] = np.nan
show(y, 10)
show(y, 39)
c = np.round(x[:20]) + 1j * np.round(x[20:])
show(c, 8)
n = 300
killer = np.roll(np.arange(n, dtype=np.float64), n // 2)
print(np.argpartition(killer, n // 3)[:40])
zigzag = np.empty(n)
zigzag[0::2] = np.arange(n // 2)
zigzag[1::2] = np.arange(n // 2)[::-1]
print(np.partition(zigzag, (10, 150, 290))[140:160])
print(np.argpartition(zigzag, 149)[::10])
m = np.cos(np.arange(48.0) * 0.37).reshape(6, 8)
print(np.partition(m, 2, axis=0))
print(np.argpartition(m, 5, axis=1))
print(np.argpartition(m, 20, axis=None))
b = x[:12].copy()
b.partition(4)
print(b)
print(x[:12].argpartition((2, 9)))
