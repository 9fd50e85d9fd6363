# Covers: order='C' (and 'c', None) and order='F' (and 'f': Fortran order, NumPy's strides) of array creation;
# order='K' is refused as NumPy refuses it (tests/errors/typing_numpy_order_k.py).
import numpy as np
def main():
    print(np.ones((2, 2), order='C').strides, np.zeros(3, order='c').strides, np.full((2, 2), 1.5, order=None).strides)
    f = np.zeros((2, 3, 4), order='F')
    f[1, 2, 3] = 7.0
    print(f.strides, f.flags.f_contiguous, np.empty((3, 5), dtype=np.int32, order='f').strides, np.full((2, 3), 2, order='F').strides)
    print(np.ones(4, order='F').strides, f.sum(), f.ravel()[-1], f[1])
main()
