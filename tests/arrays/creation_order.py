# Covers: order='C' (and 'c', None) accepted by array creation; order='F' is refused (tests/errors/typing_numpy_order_f.py).
import numpy as np
def main():
    print(np.ones((2, 2), order='C').strides, np.zeros(3, order='c').strides, np.full((2, 2), 1.5, order=None).strides)
main()
