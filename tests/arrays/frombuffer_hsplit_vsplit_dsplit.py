# Covers: np.frombuffer of an array's bytes (dtype= by position or name, count=, offset=, the default float64): a 1-d
# view of the same memory, writes seen both ways; NumPy's errors for a buffer whose size is not a multiple of the
# item, a count larger than the buffer, an offset out of range, a non-contiguous buffer; np.hsplit, np.vsplit and
# np.dsplit (a number of sections or indices) as views, with NumPy's errors for too few dimensions and unequal splits.
import numpy as np


def from_buffers(raw, words):
    print(np.frombuffer(raw, np.uint8), np.frombuffer(raw, dtype=np.int16), np.frombuffer(raw, np.int32, count=1))
    print(np.frombuffer(raw, dtype=np.uint16, offset=2), np.frombuffer(raw, np.uint8, 2, 5), np.frombuffer(raw, np.int8, offset=8))
    doubles = np.frombuffer(words)
    print(doubles, doubles.dtype, doubles.shape, doubles.flags.writeable)
    halves = np.frombuffer(words, dtype=np.float32)
    halves[1] = -2.0
    print(words, halves.shape, np.frombuffer(words, np.complex128), np.frombuffer(words.reshape(3, 2), np.float64).shape)


def buffer_errors(raw, words):
    for count, offset in ((-1, -1), (-1, 9), (3, 0), (-1, 7), (0, 3)):
        try:
            print(np.frombuffer(raw, np.int16, count, offset))
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(np.frombuffer(words[::2]))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(np.frombuffer(words.reshape(2, 3).T))
    except ValueError as e:
        print("ValueError:", e)


def splits(v, m, c):
    print(np.hsplit(v, 2), np.hsplit(m, 2), np.hsplit(m, [1, 3]), np.vsplit(m, 3), np.vsplit(m, [1]))
    print(np.dsplit(c, 2), np.dsplit(c, [1, 3])[1].shape, np.hsplit(c, 3)[2].shape, np.vsplit(c, 2)[0].shape)
    left, right = np.hsplit(m, 2)
    left[0, 0] = 100
    print(m[0, 0], left.strides, right.strides)
    try:
        print(np.vsplit(v, 2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(np.dsplit(m, 2))
    except ValueError as e:
        print("ValueError:", e)
    for n in (3, 2):
        try:
            print(np.hsplit(m, n) if n == 3 else np.vsplit(m, n))
        except ValueError as e:
            print("ValueError:", e)


from_buffers(np.arange(10, dtype=np.uint8), np.arange(6.0))
buffer_errors(np.arange(10, dtype=np.uint8), np.arange(6.0))
splits(np.arange(6), np.arange(12).reshape(3, 4), np.arange(24.0).reshape(2, 3, 4))
