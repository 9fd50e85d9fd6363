# Slice assignment and deletion on lists, compared with CPython: every step, negative indices, empty and growing
# slices, a list assigned into itself, and the errors CPython raises.

def show(xs):
    print(len(xs), xs)


def assign(n):
    xs = list(range(n))
    xs[1:3] = [10, 20, 30]
    show(xs)
    xs[:0] = [-1, -2]
    show(xs)
    xs[len(xs):] = [99]
    show(xs)
    xs[2:2] = []
    show(xs)
    xs[-3:] = [7]
    show(xs)
    xs[::2] = [0] * len(xs[::2])
    show(xs)
    xs[::-3] = [5] * len(xs[::-3])
    show(xs)
    xs[1:-1] = xs
    show(xs)
    xs[:] = (4, 3, 2)
    show(xs)
    xs[5:1] = [8, 9]
    show(xs)
    ys = [15, 25]
    ys[1:] = range(3)
    show(ys)


def delete_one(n, start, stop, step):
    xs = list(range(n))
    del xs[start:stop:step]
    print(start, stop, step, xs)


def delete(n):
    for start in (0, 1, -2, n + 3):
        for stop in (2, -1, n):
            for step in (1, 2, -1, -2, 3):
                delete_one(n, start, stop, step)
    delete_one(n, None, None, None)
    delete_one(n, None, 3, None)
    delete_one(n, 2, None, -1)
    delete_one(n, None, None, -2)
    xs = list(range(n))
    del xs[:]
    print(xs)


def extended_size_error():
    xs = [1, 2, 3, 4]
    try:
        xs[::2] = [1, 2, 3]
    except ValueError as e:
        print("ValueError:", e)
    show(xs)


def strings():
    words = "the quick brown fox".split()
    words[1:3] = ["slow", "red", "big"]
    print(" ".join(words))
    del words[::2]
    print(words)


assign(8)
delete(6)
extended_size_error()
strings()
