# Covers: NumPy's float printing: shortest repr digits, trailing-dot alignment, scientific switch (ratio > 1e3 or < 1e-4), -0., nan/inf padding, float32
import numpy as np


def show(a):
    print(a, repr(a))


show(np.array((0.1, 0.2, 0.3)))
show(np.array((1.0, 2.0, 3.0)))
show(np.array((1.5, -2.25, 10.125)))
show(np.array((0.1, 0.2)) + 0.1)
show(np.array((1.0, 1000.0)))
show(np.array((1.0, 1001.0)))
show(np.array((1.0, 10000.5)))
show(np.array((0.0001, 1.0)))
show(np.array((0.00001, 1.0)))
show(np.array((1e16, 1.0)))
show(np.array((123456.0, 0.5)))
show(np.array((-0.0, 0.0, -1.0)))
show(np.array((np.nan, 1.0, -np.inf)))
show(np.array((np.nan, -np.nan)))
show(np.array((1.0 / 3, 2.0 / 3)))
show(np.array((1.0 / 3, 2.0 / 3), dtype=np.float32))
show(np.array((0.1, 1e-7), dtype=np.float32))
show(np.array((3.14159, 2.71828, 1.41421), dtype=np.float32))
show(np.array((1e300, -1e-300)))
show(np.array((5e-324, 1.0)))
show(np.arange(4.0).reshape(2, 2) / 7)
