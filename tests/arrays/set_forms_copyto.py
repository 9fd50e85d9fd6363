# Covers: np.copyto (broadcasting, casting= with NumPy's value-based rule for numbers and 0-d arrays, where=, NumPy's errors), np.putmask, np.place, a.itemset, np.put with lists and tuples
import numpy as np


def copytos():
    a = np.zeros(3, np.int64)
    np.copyto(a, np.array([1, 2, 3], np.int32))
    print(a)
    np.copyto(a, 7)
    print(a)
    np.copyto(a, np.ones(3) * 2.7, casting="unsafe")
    print(a)
    m = np.zeros((2, 3))
    np.copyto(m, np.array([[1.5], [2.5]]))
    print(m)
    np.copyto(m, [1, 2, 3])
    print(m)
    np.copyto(m, np.arange(3), where=np.array([True, False, True]))
    print(m)
    np.copyto(m, 9.0, where=np.array([[False], [True]]))
    print(m)
    np.copyto(m, -1.0, where=False)
    print(m)
    f = np.zeros(2, np.float32)
    np.copyto(f, 1e300)
    print(f)
    np.copyto(f, np.nan, casting="safe")
    np.copyto(f, 2.5, casting="safe")
    print(f)
    u = np.zeros(2, np.uint8)
    np.copyto(u, 300)
    np.copyto(u, 3, casting="safe")
    np.copyto(u, np.array(5))
    print(u)
    np.copyto(np.zeros(2, np.int8), np.array([1, 2], np.uint8))
    np.copyto(np.zeros(2, np.complex64), np.ones(2))
    checks = 0
    cases = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    for k in cases:
        try:
            if k == 0:
                np.copyto(a, np.ones(3))
            elif k == 1:
                np.copyto(a, 1.5)
            elif k == 2:
                np.copyto(u, -1)
            elif k == 3:
                np.copyto(np.zeros(3, np.bool_), 1)
            elif k == 4:
                np.copyto(f, 1j)
            elif k == 5:
                np.copyto(a, np.ones(4))
            elif k == 6:
                np.copyto(np.zeros(3), np.ones(4))
            elif k == 7:
                np.copyto(a, np.ones(3, np.int32), casting="no")
            elif k == 8:
                np.copyto(np.zeros(3, np.int32), np.ones(3, np.int64), casting="safe")
            elif k == 9:
                np.copyto(a, np.ones(3, np.int32), casting="bad")
            elif k == 10:
                np.copyto(np.zeros(3), np.ones(3), where=np.ones(2, np.bool_))
            elif k == 11:
                np.copyto(np.zeros(3), np.ones(3), where=np.ones(3))
            elif k == 12:
                np.copyto(np.broadcast_to(a, (2, 3)), 1)
            else:
                np.copyto(f, 1e300, casting="safe")
            checks += 1
        except TypeError as e:
            print("TypeError", e)
        except ValueError as e:
            print("ValueError", e)
    print(checks)
    try:
        np.copyto([1, 2], np.arange(2))
    except TypeError as e:
        print("TypeError", e)


def putmasks():
    a = np.arange(6.0).reshape(2, 3)
    np.putmask(a, a > 2, -1)
    print(a)
    b = np.arange(6.0).reshape(2, 3)
    np.putmask(b, b > 2, [10, 20])
    print(b)
    np.putmask(b, (b > 5).ravel(), np.array([7.5, 8.5, 9.5, 1.0, 2.0, 3.0, 4.0]))
    print(b)
    np.putmask(b, b, np.array([], np.float64))
    print(b)
    i = np.arange(6)
    np.putmask(i, i > 2, 1.7)
    print(i)
    np.putmask(i, np.array([1, 0, 0, 0, 0, 2]), np.array([5], np.int32))
    print(i)
    z = np.array(1.5)
    np.putmask(z, np.array(True), 4)
    print(z)
    base = np.arange(24.0).reshape(2, 3, 4)
    np.putmask(base[:, ::2, 1:], base[:, ::2, 1:] > 10, np.array([-1.0, -2.0, -3.0, -4.0, -5.0]))
    print(base)
    t = np.arange(6).reshape(2, 3).T
    np.place(t, t % 2 == 0, [-1, -2])
    print(t)
    try:
        np.putmask(a, np.array([True, False]), 1)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.putmask(i, i > 2, np.array([1.7]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.putmask([1, 2], np.array([True, False]), 1)
    except TypeError as e:
        print("TypeError", e)


def places():
    a = np.arange(6.0).reshape(2, 3)
    np.place(a, a > 2, -1)
    print(a)
    b = np.arange(6.0).reshape(2, 3)
    np.place(b, b > 2, [10, 20])
    print(b)
    i = np.arange(6)
    np.place(i, i > 2, [1.7, 2.5])
    print(i)
    np.place(i, np.array([1, 0, 0, 0, 0, 2]), np.array([[7, 8], [9, 10]]))
    print(i)
    np.place(i, i > 100, np.array([], np.int64))
    print(i)
    try:
        np.place(a, a > -5, np.array([], np.float64))
    except ValueError as e:
        print("ValueError", e)
    try:
        np.place(a, np.array([True, False]), [1])
    except ValueError as e:
        print("ValueError", e)
    try:
        np.place(i, i > 2, np.array([1.7]))
    except TypeError as e:
        print("TypeError", e)
    try:
        np.place([1, 2], np.array([True, False]), [1])
    except TypeError as e:
        print("TypeError", e)


def itemsets():
    a = np.arange(6).reshape(2, 3)
    a.itemset(4, 99)
    print(a)
    a.itemset((1, 2), 98)
    a.itemset(0, 2, 97)
    a.itemset(-6, 96)
    print(a)
    a.itemset(1, 55.9)
    a.itemset((0, -1), True)
    print(a)
    one = np.array([5.0])
    one.itemset(2.5)
    print(one)
    z = np.array(1)
    z.itemset(4)
    print(z)
    s = np.arange(3, dtype=np.int8)
    s.itemset(1, 300)
    print(s)
    f = np.zeros((2, 2), np.float32)
    f.itemset(3, 0.1)
    print(f)
    try:
        a.itemset(6, 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        a.itemset((2, 0), 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        a.itemset(99)
    except ValueError as e:
        print("ValueError", e)
    try:
        a.itemset((1, 2, 3), 1)
    except ValueError as e:
        print("ValueError", e)
    try:
        a.itemset(1, 2, 3, 4)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.broadcast_to(np.arange(3), (2, 3)).itemset(0, 1)
    except ValueError as e:
        print("ValueError", e)


def puts():
    a = np.arange(6).reshape(2, 3)
    np.put(a, [0, 5], [-1, -2])
    print(a)
    np.put(a, np.array([1, -1]), 9.7)
    print(a)
    np.put(a, 2, np.array([3, 4]))
    print(a)
    np.put(a, np.array([0, 1, 2, 3]), np.array([7, 8]))
    print(a)
    np.put(a, (4,), [1.9])
    print(a)
    np.put(a, [[0, 1], [2, 3]], np.array([5.5, 6.5]))
    print(a)
    np.put(a, [1], [])
    print(a)
    try:
        np.put(a, 6, 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.put(a, [1, -7], 1)
    except IndexError as e:
        print("IndexError", e)
    try:
        np.put(a, np.array([1.0]), 1)
    except TypeError as e:
        print("TypeError", e)



def main():
    copytos()
    putmasks()
    places()
    itemsets()
    puts()


main()
