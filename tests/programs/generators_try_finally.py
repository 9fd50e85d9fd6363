# Covers: yield inside try/finally and try/except/else (nested too): finally bodies run when the generator finishes,
# when an exception propagates out of it, when it is closed early, and when it is dropped while suspended (a for loop
# left by break, a generator no longer referenced), with strings and lists live in its frame; close() of a
# just-started or finished generator; yield inside except, else and finally bodies.
def guarded(label, n):
    held = [label] * 2
    try:
        for i in range(n):
            yield label + str(i)
    finally:
        print("finally", label, held)


def raising(n):
    try:
        yield n
        yield 10 // (n - n)
    finally:
        print("cleanup after raise")


def nested(tag):
    try:
        try:
            yield tag + "-1"
        finally:
            print("inner finally", tag)
        yield tag + "-2"
    finally:
        print("outer finally", tag)


def clauses(x):
    try:
        yield "try"
        if x == 0:
            raise ValueError("zero")
    except ValueError as e:
        yield "except " + str(e)
    else:
        yield "else"
    finally:
        yield "finally"
    yield "after"


def loop_with_finally():
    for i in range(3):
        try:
            yield i
        finally:
            print("end of step", i)


def first_of(g):
    for x in g:
        return x
    return "none"


def consume_some():
    for word in guarded("loop", 5):
        if word.endswith("2"):
            break
        print(word)
    print("after loop")


def main():
    print(list(guarded("all", 2)))
    g = guarded("closed", 3)
    print(next(g), next(g))
    g.close()
    print(next(g, "no more"))
    g.close()
    consume_some()
    print(first_of(guarded("first", 3)))
    r = raising(4)
    print(next(r))
    try:
        next(r)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(list(nested("a")))
    n = nested("b")
    print(next(n))
    n.close()
    n = nested("c")
    print(next(n), next(n))
    n.close()
    print(list(clauses(0)), list(clauses(1)))
    print(list(loop_with_finally()))
    steps = loop_with_finally()
    print(next(steps))
    steps.close()
    never = guarded("never started", 2)
    never.close()
    print(next(never, "closed before start"))
    print(first_of(clauses(1)))


main()
