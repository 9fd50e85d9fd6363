# Covers: in-place list and set operators keep the object (xs *= n, s |= t, &=, -=, ^=), the *_update methods, and set displays of constants built as CPython builds them (a frozenset merged into a new set), so they print in CPython's order
def main():
    xs = [1, 2]
    ys = xs
    xs *= 3
    print(xs, ys, xs is ys)
    xs *= 0
    print(xs, ys)
    a = {1, 2, 3, 40, 50}
    b = a
    a |= {7, 8}
    print(a, b, a is b)
    a &= {1, 7, 50, 99}
    print(a, b)
    a -= {7}
    print(a, b)
    a ^= {1, 2, 3}
    print(a, b)
    c = set(range(20))
    c.intersection_update([1, 5, 9, 100])
    print(c)
    c.difference_update((5,))
    c.symmetric_difference_update([9, 10])
    print(c)

    for d in ({5, 13, 21, 29}, {-1, -9, 7, 15, 23, 31, 39}, {1, 9, 17, 25, 33, 41, 49, 57, 65, 73, 81, 89}, {100, 36, 4, 68, 132}):
        d.add(2)
        print(d, len(d))
    tu = {(1, 2), (9, 10), (17, 18)}
    tu.add((0, 0))
    fl = {0.5, 8.5, 16.5, -3.25}
    fl.add(2.0)
    print(tu, fl)
    x = 9
    print({1, x, 17, 25, 33}, {x, 9, 17})


main()
