# Covers: an exception raised inside a generator propagates through the for loop that resumes it, with the
# generator's frame in the traceback; the strings it holds are released; StopIteration from next() on an exhausted
# generator.


def parse(items):
    prefix = "item-" + str(len(items))
    for s in items:
        yield prefix + ":" + str(100 // int(s))


def first_two(n):
    for i in range(n):
        yield i


def main():
    g = first_two(2)
    print(next(g), next(g), next(g, 99))
    for v in parse(["1", "5", "0", "7"]):
        print(v)


main()
