# Covers: line wrapping at 75 characters for str and repr (continuation indent), wide ints, floats, bools and 2-d rows that wrap
import numpy as np


def show(a):
    print(a)
    print(repr(a))


show(np.arange(40))
show(np.arange(30) * 1000000)
show(np.linspace(0.0, 1.0, 17))
show(np.arange(25) % 3 == 0)
show(np.arange(60).reshape(2, 30))
show(np.arange(40, dtype=np.uint8).reshape(2, 20))
show(np.linspace(-1.0, 1.0, 24).reshape(2, 12))
show(np.arange(20, dtype=np.int16) - 10)
show(np.full(22, -0.5, dtype=np.float32))
