# Covers: a generator suspended in a try that is dropped (its variable rebound in a loop) is closed after the
# statement that used it last, as CPython closes it when the variable goes away; sent strings, exceptions caught and
# yielding after them, yield from returning a value after a thrown exception was handled, a for loop finishing one.
def gen_with_strings(words):
    acc = ""
    parts = []
    try:
        for w in words:
            acc = acc + w
            parts.append(acc)
            got = yield acc
            if got is not None:
                parts.append(got)
    except ValueError:
        print("value error with", parts)
        yield "after error"
    finally:
        print("done", len(parts))


def pipeline():
    total = 0
    while True:
        try:
            x = yield total
        except ZeroDivisionError:
            total = -1
            continue
        if x is None:
            break
        total += x
    return total


def run_pipeline():
    result = yield from pipeline()
    print("pipeline result", result)
    return result


def gen_in_loop(n):
    for i in range(n):
        g = gen_with_strings(["a", "b", "c"])
        print(next(g))
        if i % 2 == 0:
            print(g.send("x" * i))
        if i == 2:
            print(g.throw(ValueError))


def main():
    gen_in_loop(4)
    p = run_pipeline()
    print(next(p), p.send(3), p.send(4))
    print(p.throw(ZeroDivisionError("z")))
    print(p.send(10))
    try:
        p.send(None)
    except StopIteration:
        print("pipeline stopped")
    g = gen_with_strings(["q"])
    for s in g:
        print(s)
    h = gen_with_strings(["r", "s"])
    print([next(h), h.send("t")])
    try:
        h.throw(KeyError("k"))
    except KeyError as e:
        print("KeyError", e)


main()
