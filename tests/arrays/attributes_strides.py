# Covers: shape/ndim/size/itemsize/nbytes/strides/dtype of arrays and views (negative strides, transposes, steps), len()
# (no empty arrays or None axes here: their strides differ, see found/strides_empty_and_unit_dims.py)
import numpy as np


def attrs(a):
    print(a.shape, a.ndim, a.size, a.itemsize, a.nbytes, a.strides, a.dtype, len(a))


m = np.zeros((3, 4))
attrs(m)
attrs(m.T)
attrs(m[::-1])
attrs(m[:, ::2])
attrs(m[1])
attrs(m[::2, ::-3])
attrs(np.zeros((2, 3, 4), dtype=np.int16))
attrs(np.zeros((2, 3, 4), dtype=np.int16)[:, 1])
attrs(np.zeros((2, 3, 4), dtype=np.int16).T)
attrs(np.arange(10, dtype=np.uint8)[::3])
attrs(np.zeros(5, dtype=np.complex64)[1:3])
attrs(np.zeros((4, 5), dtype=np.float32)[..., 1:])
attrs(np.ones(1, dtype=np.bool_))
