def find(t, x):
    for i in range(len(t)):
        if t[i] == x:
            return i
    return None


def describe(t, x):
    k = find(t, x)
    if k is None:
        return -1
    return k * 10


def first_positive(t):
    best = None
    for v in t:
        if v > 0 and (best is None or v < best):
            best = v
    return best


def default(x, d):
    if x is None:
        x = d
    return x + 1


def show(n):
    r = None if n < 0 else n * 1.5
    print("r =", r, f"[{r}]", r is None, r is not None, r == None, r == 3.0, bool(r))
    return r


t = (4, 8, 15, 16, 23, 42)
print(find(t, 15), find(t, 7), describe(t, 16), describe(t, 99))
print(first_positive((-1, 5, 3, -2)), first_positive((-1, -2)))
print(default(find(t, 23), 100), default(find(t, 1), 100))
print(show(2), show(-1), show(0))
x = find(t, 99)
print(x + 1)
