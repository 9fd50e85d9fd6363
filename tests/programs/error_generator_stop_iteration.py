# Covers: next() on an exhausted generator raises StopIteration (its traceback ends at the next() call).


def one():
    yield "only"


def main():
    g = one()
    print(next(g))
    print(next(g))


main()
