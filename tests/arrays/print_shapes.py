# Covers: printing of 3-d and 4-d arrays (blank lines between blocks), singleton dimensions, empty arrays of each shape, bools, repr with dtype
import numpy as np


def show(a):
    print(a)
    print(repr(a))


show(np.arange(24).reshape(2, 3, 4))
show(np.arange(16).reshape(2, 2, 2, 2))
show(np.arange(3).reshape(1, 3, 1))
show(np.ones((1, 1)))
show(np.zeros(0))
show(np.zeros((0, 2), dtype=np.int32))
show(np.zeros((3, 0), dtype=np.uint8))
show(np.zeros((2, 0, 3), dtype=np.bool_))
show(np.arange(8).reshape(2, 2, 2) % 3 == 0)
show(np.arange(12, dtype=np.float32).reshape(3, 1, 4) / 4)
show(np.arange(6).reshape(2, 3)[:, ::-1].T)
