# Covers: a.flat of arrays that are not C-contiguous (transposed, strided, reversed, 3-d permuted, int32): iteration in C order, flatiter[i] read and write (negative too), len, sum(), out-of-bounds IndexError
import numpy as np


def flat_reads(a):
    total = 0.0
    for x in a.flat:
        total += x
    return total, len(a.flat), a.flat[0], a.flat[5], a.flat[-1], a.flat[-7]


def flat_writes(a):
    f = a.flat
    for k in range(len(f)):
        f[k] = f[k] * 2 + k
    f[-1] = 100
    return a


a = np.arange(24.0).reshape(4, 6)
print(flat_reads(a.T))
print(flat_reads(a[:, ::2]))
print(flat_reads(a[::-1, 1:5]))
b = np.arange(24).reshape(2, 3, 4)
print(flat_reads(b.T))
print(flat_reads(b[:, ::2, 1:]))
print(flat_writes(np.arange(12.0).reshape(3, 4).T.copy().T))
c = np.zeros((3, 4), dtype=np.int32)
print(flat_writes(c.T))
print(c)
print(sum(np.arange(6.0).reshape(2, 3).T.flat))
try:
    print(a.T.flat[24])
except IndexError as e:
    print("IndexError:", e)
try:
    print(a.T.flat[-25])
except IndexError as e:
    print("IndexError:", e)
