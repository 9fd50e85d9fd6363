# Covers: yield in the finally of a return path, yield inside an except clause (the exception it handles kept across
# the yield, an exception thrown in there), continue and break through a finally around a yield, close there.
def ret_in_try():
    try:
        return "r"
    finally:
        yield "from finally"


def in_handler():
    try:
        raise KeyError("first")
    except KeyError as e:
        got = yield "handling " + repr(e)
        print("resumed in handler with", got)
        yield "still " + str(e)


def loop_continue():
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            yield i
        finally:
            print("finally", i)


def main():
    print(list(ret_in_try()))
    h = in_handler()
    print(next(h))
    print(h.send("v"))
    try:
        h.throw(ValueError("during"))
    except ValueError as e:
        print("ValueError", e)
    print(list(loop_continue()))
    g = loop_continue()
    print(next(g))
    g.close()
    print("end")


main()
