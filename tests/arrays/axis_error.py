# Covers: an axis out of range raises NumPy's np.AxisError (a ValueError and an IndexError), from the routines
# written in Python (concatenate, moveaxis, swapaxes, take, transpose, expand_dims); caught by each of its classes
import numpy as np


def report(k):
    a = np.arange(6).reshape(2, 3)
    try:
        if k == 0:
            np.concatenate((a, a), axis=2)
        elif k == 1:
            np.moveaxis(a, 0, -3)
        elif k == 2:
            a.swapaxes(0, 5)
        elif k == 3:
            np.take(a, np.array([0]), axis=-4)
        elif k == 4:
            a.transpose(0, 2)
        else:
            np.expand_dims(a, 4)
    except np.AxisError as e:
        print("AxisError", e)


def caught_as_value_error():
    try:
        np.moveaxis(np.zeros(3), 1, 0)
    except ValueError as e:
        print("ValueError caught", type(e).__name__, e)


def caught_as_index_error():
    try:
        np.stack((np.zeros(2), np.zeros(2)), axis=3)
    except IndexError as e:
        print("IndexError caught", type(e).__name__, e)


def uncaught():
    return np.concatenate((np.zeros(2), np.zeros(2)), axis=1)


for k in range(6):
    report(k)
caught_as_value_error()
caught_as_index_error()
try:
    uncaught()
except np.AxisError as e:
    print("from compiled code:", type(e).__name__, e)
