# Covers: summarised printing (size > 1000): 1-d, 2-d (rows and columns elided), 3-d, the threshold edge (1000 vs 1001), repr forms
import numpy as np


def show(a):
    print(a)
    print(repr(a))


show(np.arange(1000))
show(np.arange(1001))
show(np.arange(1001) * 0.25)
show(np.arange(1200).reshape(40, 30))
show(np.arange(1200).reshape(2, 600))
show(np.arange(1200).reshape(600, 2))
show(np.arange(2000, dtype=np.int8).reshape(10, 10, 20))
show(np.arange(3000) > 1500)
show(np.arange(1500, dtype=np.float32) / 3)
show(np.zeros((1001, 1)))
