# Covers: printing scalars read from arrays of every dtype: print/str/repr/f-strings ({x}, {x!r}, width/align, .3f, e, g, d, x, b specs), reductions' scalars
# (f"{x}" of a float32 element shows the float64 value, as NumPy 1.24's float32.__format__ does)
import numpy as np


def f(a):
    x = a[1]
    print(x, repr(x), str(x), f"{x}", f"{x!r}", a.max(), a.sum(), a.mean())
    print(f"{x:>8}", f"{a[0]:<6}|", f"{a.min():^9}|")


def fc(a):
    x = a[1]
    print(x, repr(x), str(x), f"{x}", f"{x!r}", a.sum(), a.mean())
    print(f"{x:>8}", f"{a[0]:<6}|")


def g(a):
    x = a[1]
    print(f"{x:.3f}", f"{x:10.4e}", f"{x:g}", f"{a.sum():.2f}")


def h(a):
    x = a[1]
    print(f"{x:5d}", f"{x:x}", f"{x:+d}", f"{x:08b}")


f(np.arange(3, dtype=np.int8) - 1)
f(np.arange(3, dtype=np.uint8) + 200)
f(np.arange(3, dtype=np.uint64) * np.uint64(9000000000000000000))
f(np.array((0.1, 0.2, 0.3), dtype=np.float32))
f(np.array((0.1, 0.2, 0.3)))
fc(np.array((1 + 2j, 0.1 - 0.2j), dtype=np.complex64))
fc(np.array((1 + 2j, 0.1 - 0.2j)))
f(np.arange(3) > 0)
g(np.array((0.1, 0.2, 0.3), dtype=np.float32))
g(np.array((0.1, 0.2, 0.3)))
h(np.arange(3, dtype=np.int8) - 1)
h(np.arange(3, dtype=np.uint16) + 60000)
h(np.arange(3))
