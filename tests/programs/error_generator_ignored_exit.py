# Covers: close() of a generator that yields again after GeneratorExit raises CPython's RuntimeError, uncaught here.
def stubborn(name):
    while True:
        try:
            yield name
        except GeneratorExit:
            print("ignoring GeneratorExit")


g = stubborn("s")
print(next(g))
g.close()
