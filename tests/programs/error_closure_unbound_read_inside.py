# fuzz-11: a closure reads a capture that its maker has not bound: CPython raises where the closure reads it (after
# what it printed), also when the closure was passed on or aliased first.


def apply(g):
    print("apply calls it")
    return g()


def outer(flag):
    def inner():
        print("inside, before the read")
        return x + 1

    if flag:
        x = 10
    alias = inner
    print(apply(alias))
    return 0


outer(True)
outer(False)
