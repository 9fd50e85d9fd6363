# Covers: .strides of empty arrays made in compiled code (NumPy gives a new empty array zero strides; views of empty
# arrays keep their strides) and of an argument whose length-1 axis has a stride NumPy set to 0.
import numpy as np


def made_here():
    print(np.zeros(0).strides, np.zeros((0, 3)).strides, np.zeros((3, 0)).strides, np.zeros((2, 0, 3)).strides)
    print(np.empty((2, 0)).strides, np.ones((0, 2), dtype=np.int32).strides, np.ones(0, dtype=np.bool_).strides)
    print(np.arange(0).strides, np.linspace(0, 1, 0).strides, np.full((0, 2), 1.0).strides, np.zeros((1, 0)).strides)
    e = np.zeros((0, 3))
    print(e.T.strides, e.copy().strides, (e + 1).strides, np.zeros_like(e).strides, e.sum(axis=1).strides)
    a = np.zeros((2, 3))
    print(a[:, :0].strides, a[:0].strides, np.zeros(6)[3:3].strides, a.strides, np.zeros(4, dtype=np.int8).strides)


def strides_of(a):
    return a.strides


made_here()
print(strides_of(np.zeros(5)[None]))
print(strides_of(np.zeros((3, 4))[:, :1]))
print(strides_of(np.zeros((3, 1))))
