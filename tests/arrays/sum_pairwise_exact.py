# Covers: float64 and float32 sums and means give NumPy's bits: its add reduction sums pairwise (eight partial sums,
# blocks split in halves) in chunks of 8192 elements; whole contiguous arrays (C or F), 1-d strided views, and the
# contiguous axis of a 2-d array; np.mean divides that sum (a float32 whole-array mean rounds a float64 quotient)
import numpy as np


def lcg_values(n, seed):
    out = np.empty(n)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out[i] = (x / 2147483648.0 - 0.5) * 1000.0 + (x % 1000) * 1e-7
    return out


def sums(a):
    print(repr(np.sum(a)), repr(a.sum()), repr(np.mean(a)), repr(a.mean()))


for n in (1, 5, 8, 16, 100, 129, 1000, 8192, 8193, 20000):
    v = lcg_values(n, n)
    sums(v)
    sums(v.astype(np.float32))
v = lcg_values(3000, 7)
sums(v[::3])
sums(v[::-1])
m = v.reshape(30, 100)
print(repr(m.sum()), repr(m.T.copy().T.sum()), repr(m.T.sum()))
r = m.sum(axis=1)
print(repr(r[0]), repr(r[17]), repr(r[29]), repr(m.mean(axis=-1)[3]))
f = m.T.copy().T
print(repr(f.sum(axis=0)[5]), repr(m.astype(np.float32).sum(axis=1)[9]))
# along an axis that is not the innermost, NumPy adds in order (rows one after another)
c = m.sum(axis=0)
print(repr(c[0]), repr(c[51]), repr(m.mean(axis=0)[99]), repr(f.sum(axis=1)[7]))
t = lcg_values(6000, 3).reshape(20, 50, 6)
print(repr(t.sum(axis=1)[3, 2]), repr(t.sum(axis=0)[10, 5]), repr(t.sum(axis=2)[19, 49]), repr(t.sum()))
p = 1.0 + lcg_values(200, 5) * 1e-4
print(repr(p.prod()), repr(np.prod(p.reshape(20, 10), axis=0)[3]), repr(p.astype(np.float32).prod()))
# var and std: NumPy's mean, then the pairwise sum of the squared deviations
for w in (lcg_values(10, 1), lcg_values(1000, 2), lcg_values(20000, 4)):
    print(repr(w.var()), repr(np.std(w)), repr(w.var(ddof=1)), repr(w.astype(np.float32).var()), repr(np.std(w.astype(np.float32), ddof=1)))
print(repr(m.var(axis=1)[4]), repr(m.std(axis=-1)[28]), repr(m.astype(np.float32).var(axis=1)[2]), repr(m.var(axis=0)[3]), repr(v[::5].var()))
# complex sums and means: NumPy's complex pairwise sum, the mean divided as a complex number
for k in (3, 4, 64, 65, 1000, 9000):
    zc = lcg_values(k, k + 1) + 1j * lcg_values(k, k + 2)
    print(repr(zc.sum()), repr(zc.mean()), repr(zc.astype(np.complex64).sum()), repr(zc.astype(np.complex64).mean()))
zm = (m + 0.5j * m[::-1]).reshape(30, 100)
print(repr(zm.sum(axis=1)[7]), repr(zm.mean(axis=-1)[11]), repr(zm.astype(np.complex64).mean(axis=1)[2]), repr(zm.sum(axis=0)[40]))
