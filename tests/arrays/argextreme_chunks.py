# Covers: argmax/argmin of whole C arrays and along an axis found chunk by chunk (1024 elements): answers on
# chunk edges, the first of equal extremes across chunks, the first NaN winning (also when later chunks hold more),
# -0.0 against 0.0, all -inf, ints, uint8, float32, rows and columns, and bools (the two-pass path).
import numpy as np
def f(a):
    return np.argmax(a), np.argmin(a)
def g(a):
    return a.argmax(axis=1), a.argmin(axis=0), a.argmax(axis=0)
for n in [1, 5, 1023, 1024, 1025, 3000]:
    a = np.linspace(-3.0, 5.0, n)
    a = np.sin(a * 7.0)
    print(n, f(a))
    ai = (a * 100).astype(np.int64)
    print(f(ai))
    print(f(ai.astype(np.uint8)))
    print(f(a.astype(np.float32)))
b = np.linspace(-1.0, 1.0, 3000)
b[2500] = np.nan
b[2900] = np.nan
print(f(b))
b[10] = np.nan
print(f(b))
c = np.zeros(2100)
c[1500] = -0.0
c[2050] = 1.0
c[2060] = 1.0
print(f(c), f(-c))
d = np.full(2048, -np.inf)
print(f(d), f(-d))
m = np.sin(np.arange(30.0).reshape(5, 6) * 3.1)
print(g(m))
m[2, 3] = np.nan
print(g(m), f(m))
mi = (np.arange(3000) % 17).reshape(30, 100)
print(g(mi), f(mi))
print(f(np.array([True, False, True])), f(np.array([5, 5, 5, 5])))
