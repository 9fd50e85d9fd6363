# Covers: lists: displays, append/insert/pop/clear/copy/extend, nested lists, aliasing, * and +, index/remove errors caught, sorted with key and reverse, merge sort of 200 items, nested comprehensions
def f():
    names = []
    for i in range(5):
        names.append(f"n{i}")
    names.insert(0, "first")
    names.insert(-1, "second-last")
    names.insert(100, "end")
    print(names)
    print(names.pop(2), names)
    nested = [["a"], ["b", "c"]]
    nested[0].append("z")
    nested.append(["q"])
    print(nested, len(nested[1]))
    cp = nested.copy()
    cp[0] = ["new"]
    print(nested, cp)
    nested.clear()
    print(nested, cp)
    xs = [1, 2, 3]
    xs.extend(xs)
    print(xs)
    xs.extend((7, 8))
    xs.extend(range(2))
    print(xs)
    ys = xs
    ys.append(100)
    print(xs is ys, xs == ys, xs)
    fl = [1.5, 2.5]
    fl.append(3.5)
    print(fl)
    mixed = []
    mixed.append(1.0)
    mixed.append(2.5)
    print(mixed)
    opt = [None, 1]
    print(len(opt))
    strs = "a b c".split() if False else ["x", "y"]
    print(strs * 2, 2 * strs)
    try:
        xs.index(42)
    except ValueError as e:
        print("ValueError", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError", e)
    try:
        xs[100] = 1
    except IndexError as e:
        print("IndexError", e)
    try:
        xs.remove(-5)
    except ValueError as e:
        print("ValueError", e)
    words = ["pear", "Apple", "fig", "banana"]
    print(sorted(words, key=len), sorted(words, key=str.lower) if False else sorted(words))
    print(sorted([3.5, -1.0, 2.25], reverse=True))
    big = [(i * 7919) % 1000 for i in range(200)]
    big.sort()
    print(big[:10], big[-5:], big == sorted(big))
    print([x for row in [[1, 2], [3]] for x in row])


f()
