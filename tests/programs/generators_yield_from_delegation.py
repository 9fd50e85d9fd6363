# Covers: yield from (PEP 380): its value is the inner generator's return value (None from a list, a range or a
# generator that returns nothing); values sent, exceptions thrown and close() pass through to the innermost
# generator; an inner generator that catches a thrown exception and returns ends the yield from with that value;
# the inner's finally runs before the outer's when closed.
def inner(n):
    total = 0
    try:
        for i in range(n):
            sent = yield i
            if sent is not None:
                total += sent
    finally:
        print("inner finally", total)
    return total * 2


def middle():
    first = yield from inner(3)
    print("first inner returned", first)
    second = yield from inner(2)
    return first + second


def outer():
    try:
        result = yield from middle()
        print("middle returned", result)
    finally:
        print("outer finally")
    items = yield from [100, 200]
    print("list gave", items)
    r = yield from range(2)
    print("range gave", r)


def patient():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            print("patient caught", repr(e))
            return "recovered"


def delegator():
    value = yield from patient()
    print("delegator got", value)
    yield value + "!"


def words():
    name = yield from ("a", "b")
    return name


def main():
    g = outer()
    print(next(g), g.send(10), g.send(5))
    print(next(g), g.send(7))
    print(list(g))
    d = delegator()
    print(next(d))
    print(d.throw(KeyError("k")))
    print(list(words()))
    closing = outer()
    print(next(closing), next(closing))
    closing.close()
    thrown = outer()
    next(thrown)
    try:
        thrown.throw(ValueError("into the innermost"))
    except ValueError as e:
        print("propagated:", e)
    print(next(thrown, -1))
    print("end")


main()
