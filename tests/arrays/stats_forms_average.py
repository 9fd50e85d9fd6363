# Covers: np.average with weights= (same shape, or 1-d along axis=), axis= (negative too), returned=True (the weights' sum or the count, in the average's shape), int/bool/float32/complex inputs and weights, NumPy's errors; np.ptp along any axis of 1-d to 4-d arrays
import numpy as np


def averages():
    a = np.array([[1, 2, 3], [4, 5, 7]])
    w = np.array([[1, 0, 2], [3, 1, 1]])
    print(np.average(a), np.average(a, axis=0), np.average(a, axis=1), np.average(a, axis=-1))
    print(np.average(a, weights=w), np.average(a, axis=0, weights=w), np.average(a, axis=1, weights=w))
    print(np.average(a, axis=1, weights=np.array([0.5, 0.25, 0.25])), np.average(a, 0, np.array([1, 3])))
    print(np.average(a, returned=True), np.average(a, axis=1, returned=True))
    print(np.average(a, weights=w, returned=True), np.average(a, axis=0, weights=w, returned=True))
    avg, s = np.average(a, axis=1, weights=np.array([2, 1, 1]), returned=True)
    print(avg, s, s.dtype)
    f = np.array([1.5, 2.5, 4.0], np.float32)
    print(np.average(f), np.average(f, weights=np.array([1.0, 2.0, 1.0], np.float32)), np.average(f, weights=np.array([1, 2, 1])))
    print(np.average(f, weights=np.array([1.0, 2.0, 1.0], np.float32), returned=True))
    print(np.average(np.array([True, False, True]), weights=np.array([1, 2, 3])), np.average(np.array([True, False])))
    print(np.average(np.array([1 + 1j, 2 - 1j]), weights=np.array([1.0, 3.0])), np.average(np.array([1.0, 2.0]), weights=np.array([1j, 1.0])))
    t = np.arange(24).reshape(2, 3, 4)
    print(np.average(t, axis=1))
    print(np.average(t, axis=2, weights=np.array([1, 2, 3, 4])))
    print(np.average(t, axis=0, weights=t + 1))
    print(np.average(np.array([], np.float64)), np.average(np.arange(4), axis=0, weights=np.array([1, 1, 1, 5])))


def average_errors():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    try:
        np.average(a, weights=np.array([1.0, 2.0]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.average(a, axis=0, weights=np.ones((2, 1)))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.average(a, axis=1, weights=np.ones(3))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.average(a, weights=np.array([[1.0, -1.0], [0.0, 0.0]]))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        np.average(a, axis=0, weights=np.array([[1.0, 0.0], [-1.0, 2.0]]))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        np.average(a, axis=2)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.average(np.ones(3), axis=0, weights=np.ones(2))
    except ValueError as e:
        print("ValueError", e)


def ptps():
    q = np.arange(48).reshape(2, 3, 2, 4) % 7
    print(np.ptp(q), np.ptp(q, axis=3))
    print(np.ptp(q, axis=2))
    print(np.ptp(q, axis=-4))
    print(np.ptp(np.array([3.0, -1.0, 2.0])), np.ptp(np.array([[1, 5], [2, 0]]), 0), np.ptp(np.array([[1, 5], [2, 0]]), axis=1))


averages()
average_errors()
ptps()
