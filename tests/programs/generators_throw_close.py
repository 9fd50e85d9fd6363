# Covers: throw(E) and throw(E("msg")) raised at the suspended yield: caught by an except inside the generator, which
# goes on (throw returns its next item) or finishes (StopIteration); uncaught it propagates and the generator has
# finished; thrown into a just-started or finished generator. close(): GeneratorExit at the yield, caught by
# `except GeneratorExit`, ignored (RuntimeError), or turned into another exception that propagates.
class Retry(Exception):
    pass


def worker(name):
    done = []
    while True:
        try:
            item = yield len(done)
            done.append(item)
        except Retry as e:
            print(name, "retry:", e)
        except KeyError:
            print(name, "key error, stopping")
            return


def counter():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("caught", repr(e))
            n += 100
        n += 1


def on_exit(message):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit:", message)
        raise


def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        yield "again"


def converts():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("closing failed")


def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("swallowed")


def main():
    w = worker("w")
    print(next(w), w.send("a"))
    print(w.throw(Retry("later")))
    print(w.throw(Retry))
    print(w.send("b"))
    try:
        w.throw(KeyError("k"))
    except StopIteration:
        print("worker finished")
    c = counter()
    print(next(c), next(c))
    print(c.throw(ValueError("boom")))
    print(c.throw(ValueError))
    try:
        c.throw(TypeError("not caught"))
    except TypeError as e:
        print("propagated:", e)
    print(next(c, -1))
    fresh = counter()
    try:
        fresh.throw(ValueError("too early"))
    except ValueError as e:
        print("just started:", e)
    print(next(fresh, -2))
    try:
        fresh.throw(IndexError("after the end"))
    except IndexError as e:
        print("finished:", e)
    e1 = on_exit("closing")
    print(next(e1))
    e1.close()
    e1.close()
    s = stubborn()
    print(next(s))
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(next(s, "stubborn ended"))
    v = converts()
    next(v)
    try:
        v.close()
    except ValueError as e:
        print("ValueError:", e)
    q = swallow()
    next(q)
    q.close()
    print("end")


main()
