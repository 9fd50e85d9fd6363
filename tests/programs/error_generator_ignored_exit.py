# Covers: close() of a generator that yields again after GeneratorExit raises CPython's RuntimeError, uncaught here
# (the generator, still suspended, is closed again when it is dropped and finishes then).
def stubborn(name):
    try:
        yield name
    except GeneratorExit:
        print("ignoring GeneratorExit")
    try:
        yield name + " again"
    except GeneratorExit:
        print("closing for good")


g = stubborn("s")
print(next(g))
g.close()
