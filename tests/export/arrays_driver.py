# CPython's side of the array export test: the same calls as arrays_driver.c, printed the same way.
import sys, os
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arrays import *

def err(e):
    print("error:", f"{type(e).__name__}: {e}")

def show(a):
    print(" ".join("%.17g" % v for v in a.ravel(order="K")))

x = np.array([1.0, 2.0, 3.0, 4.0]); y = np.array([10.0, 20.0, 30.0, 40.0])
saxpy(2.5, x, y); show(y)
m = np.arange(1.0, 7.0).reshape(2, 3)
print("%.17g" % total(m.T))
print("%.17g" % total(m[:, ::2]))
v = np.array([0.5, 3.0])
print("%.17g" % scale_rows(m, v)); show(m)
print("%.17g" % norm(x[::2]))
f = np.asfortranarray(np.array([[1.5, -2.0, 3.25], [4.0, 5.5, -6.0]]))
out = np.zeros(3)
print("%.17g" % column_sums(f, out)); show(out)
print(count_above(np.array([3, -1, 7, 12, 5], dtype=np.int32), 4))
d = doubled(x); show(d)
t = tail(x); t[0] = -1.0; show(x)
g = grid(np.array([1.0, 2.0]), np.array([0.5, 0.25, 4.0])); print(g.shape); show(g)
try:
    at(x, 7)
except IndexError as e:
    err(e)
try:
    scale_rows(m, np.array([1.0, 2.0, 3.0]))
except ValueError as e:
    err(e)
