# Covers: np.unravel_index (ints, arrays of any shape, order=, dims an int, NumPy's errors) and np.ravel_multi_index (numbers, broadcast arrays, a 2-d array, mode='raise'/'wrap'/'clip', order=, NumPy's errors), np.lexsort (a tuple or list of keys, a 2-d array, NaN, errors)
import numpy as np


def unravels():
    print(np.unravel_index(7, (3, 4)))
    print(np.unravel_index(7, (3, 4), order="F"))
    print(np.unravel_index(np.array([1, 5, 11]), (3, 4)))
    print(np.unravel_index(np.array([[1, 5], [11, 0]]), (3, 4)))
    print(np.unravel_index(np.array([22, 41, 37]), (7, 6), "F"))
    print(np.unravel_index(3, 5), np.unravel_index(3, (5,)))
    print(np.unravel_index(0, ()))
    print(np.unravel_index(True, (3, 4)))
    print(np.unravel_index(np.array(5), (3, 4)))
    print(np.unravel_index(np.array([3], np.int32), (3, 4)))
    print(np.unravel_index(np.array([], np.int64), (3, 4)))
    i, j, k = np.unravel_index(np.arange(0, 24, 5), (2, 3, 4))
    print(i, j, k, i.dtype)
    for bad in (-1, 12):
        try:
            np.unravel_index(bad, (3, 4))
        except ValueError as e:
            print("ValueError", e)
    try:
        np.unravel_index(np.array([1, 5, 12]), (3, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.unravel_index(1, (3, 0))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.unravel_index(3, (3, 2 ** 62, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.unravel_index(1, (3, 4), order="X")
    except ValueError as e:
        print("ValueError", e)
    try:
        print(np.unravel_index(np.array([1.0]), (3, 4)))
    except TypeError as e:
        print("TypeError", e)


def ravels():
    print(np.ravel_multi_index((1, 2), (3, 4)))
    print(np.ravel_multi_index((1, 2), (3, 4), order="F"))
    print(np.ravel_multi_index((np.array([1, 2]), np.array([0, 3])), (3, 4)))
    print(np.ravel_multi_index((np.array([1, 2]), 3), (3, 4)))
    print(np.ravel_multi_index((np.array([[1], [2]]), np.array([0, 3], np.int32)), (3, 4)))
    print(np.ravel_multi_index(np.array([[1, 2], [0, 3]]), (3, 4)))
    print(np.ravel_multi_index((4, -2), (3, 4), mode="clip"))
    print(np.ravel_multi_index((4, -2), (3, 4), mode="wrap"))
    print(np.ravel_multi_index((np.array([-4, 7]), np.array([9, -1])), (3, 4), mode="wrap"))
    print(np.ravel_multi_index((3,), 5))
    print(np.ravel_multi_index([1, 2], (3, 4)))
    print(np.ravel_multi_index((np.array(1), 2), (3, 4)))
    print(np.ravel_multi_index((True, np.array([1], np.uint64)), (3, 4)))
    print(np.ravel_multi_index((np.array([], np.int64), np.array([], np.int64)), (3, 4)))
    print(np.ravel_multi_index((1, 2, 3), (4, 5, 6)), np.ravel_multi_index((1, 2, 3), (4, 5, 6), order="F"))
    for coords in ((3, 2), (1, 4), (-1, 2)):
        try:
            np.ravel_multi_index(coords, (3, 4))
        except ValueError as e:
            print("ValueError", e)
    try:
        np.ravel_multi_index((np.array([1, 2]), np.array([0, 4])), (3, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((np.array([1, 2]), np.array([0, 1, 3])), (3, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((1, 2, 3), (3, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index(np.array([[1, 2], [0, 3], [1, 1]]), (3, 4))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((1, 2), (2 ** 40, 2 ** 40))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((1, 2), (3, 0), mode="wrap")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((1, 2), (3, 4), mode="bad")
    except ValueError as e:
        print("ValueError", e)
    try:
        np.ravel_multi_index((1.0, 2), (3, 4))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.ravel_multi_index((np.array([1.0]), np.array([2])), (3, 4))
    except TypeError as e:
        print("TypeError", e)


def lexsorts():
    surnames = np.array([1, 5, 1, 4, 3])
    first = np.array([9, 4, 0, 4, 0])
    order = np.lexsort((surnames, first))
    print(order, order.dtype)
    print(np.lexsort((np.array([1.0, 5.0, 1.0, np.nan, 3.0]), first)))
    print(np.lexsort([surnames, first]))
    print(np.lexsort((surnames,)))
    print(np.lexsort((np.array([3, 1, 2]), np.array([True, False, True]))))
    print(np.lexsort((np.array([3j, 1, 2 + 1j]), np.array([1.0, 1.0, 1.0]))))
    print(np.lexsort((np.array([2, 1, 2, 1], np.int8), np.array([0.5, 0.5, 0.25, 0.5], np.float32), np.array([1, 1, 1, 0]))))
    print(np.lexsort(np.array([[1, 5, 1], [1, 1, 1]])))
    print(np.lexsort(np.array([1, 5, 1])))
    print(np.lexsort((np.array([], np.int64),)))
    print(np.lexsort((surnames, first), axis=0))
    try:
        np.lexsort((np.array([1, 5]), np.array([9, 4, 0])))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.lexsort(())
    except TypeError as e:
        print("TypeError", e)
    try:
        np.lexsort((surnames, first), axis=1)
    except np.AxisError as e:
        print("AxisError", e)


def main():
    unravels()
    ravels()
    lexsorts()


main()
