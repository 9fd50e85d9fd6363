# expect: TypingError 11:1: close() of a generator that yields inside a try statement is not supported in compiled code
def guarded():
    try:
        yield 1
    except ValueError:
        yield 2


g = guarded()
next(g)
g.close()
