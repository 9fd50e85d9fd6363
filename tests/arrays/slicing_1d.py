# Covers: 1-d slicing: negative steps, out-of-range bounds, empty results, step > length, slices of slices, copies vs views
import numpy as np


def cuts(a):
    print(a[::-1], a[::-2], a[-2::-3], a[5:1:-1], a[1:5:-1], a[-100:100], a[100:-100:-1])
    print(a[3:3], a[8:2], a[::100], a[::-100], a[-1:], a[:-1], a[-3:-1], a[-1:-3:-1])
    print(a[2:][::-1][1:], a[::2][::2], a[1::3][::-1], a[::-1][2:5])


def write_through(a):
    a[::-2] = 0
    a[1:4][::-1][0] = 77
    print(a)


def lengths(a):
    print(len(a[::3]), len(a[1::3]), len(a[2::3]), len(a[-1::-4]), a[::3].shape, a[10:].shape)


x = np.arange(10)
cuts(x)
cuts(np.arange(10) * 0.5)
write_through(np.arange(10))
write_through(np.arange(7, dtype=np.int8))
lengths(np.arange(11))
lengths(np.arange(1))
