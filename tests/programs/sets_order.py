# Covers: set iteration order as CPython's table (adds, discards, resizes, pop, copy, union, intersection, difference, symmetric difference) over pseudo-random ints, floats and tuples
def lcg(x):
    return (x * 1103515245 + 12345) % 2147483648


def main():
    x = 7
    for trial in range(40):
        s = set()
        t = set()
        for k in range(trial * 5 + 3):
            x = lcg(x)
            v = x % 1000 - 500
            if x % 7 < 5:
                s.add(v)
            else:
                s.discard(v - v % 3)
            x = lcg(x)
            t.add((x % 37) * 3)
        print(s)
        print(t, s | t, s & t, s - t, t - s, s ^ t, s.copy())
        if len(s) > 2:
            print(s.pop(), s.pop(), s)
    fl = {0.5, 1.0, 2.25, -3.5, 1e10, 7.0}
    tu = {(i, i * i % 5) for i in range(30)}
    print(fl, tu)
    big = set(range(0, 100000, 7))
    print(len(big), sum(big), list(big)[:10])


main()
