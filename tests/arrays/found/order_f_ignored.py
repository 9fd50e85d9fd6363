# BUG (minor): order='F' in array creation is accepted but ignored: np.ones((3, 2), order='F').strides is (16, 8)
# (C order); NumPy gives (8, 24). Values print the same; strides, and the speed of column-wise loops, differ.
# (Either honour it or reject it like copy(order=...), which is a TypingError.)
import numpy as np


def make():
    return np.ones((3, 2), order='F').strides, np.zeros((2, 2, 2), order='F').strides


print(make())
