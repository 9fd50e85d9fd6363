# Covers: dtype= spelled as NumPy types, Python types, strings ('i1', 'u2', 'f4', 'c8', '?', 'int32', 'float64') and a.dtype
import numpy as np


def spell():
    print(np.zeros(2, dtype='i1').dtype, np.zeros(2, dtype='i2').dtype, np.zeros(2, dtype='i4').dtype, np.zeros(2, dtype='i8').dtype)
    print(np.zeros(2, dtype='u1').dtype, np.zeros(2, dtype='u2').dtype, np.zeros(2, dtype='u4').dtype, np.zeros(2, dtype='u8').dtype)
    print(np.zeros(2, dtype='f4').dtype, np.zeros(2, dtype='f8').dtype, np.zeros(2, dtype='c8').dtype, np.zeros(2, dtype='c16').dtype)
    print(np.zeros(2, dtype='?').dtype, np.zeros(2, dtype='int32').dtype, np.zeros(2, dtype='float32').dtype, np.zeros(2, dtype='uint8').dtype)
    print(np.zeros(2, dtype=int).dtype, np.zeros(2, dtype=float).dtype, np.zeros(2, dtype=complex).dtype, np.zeros(2, dtype=bool).dtype)
    print(np.ones(3, 'int16'), np.ones(3, 'complex64'), np.ones(3, 'bool'), np.ones(3, 'float32'))


def same_as(a):
    b = np.zeros(3, dtype=a.dtype)
    c = np.full((2, 2), 5, a.dtype)
    print(b.dtype, b, c.dtype, c)
    print(a.dtype == np.int16, a.dtype == np.float64, b.dtype == a.dtype)


spell()
same_as(np.arange(4, dtype=np.int16))
same_as(np.arange(4.0))
same_as(np.arange(4, dtype=np.uint32))
