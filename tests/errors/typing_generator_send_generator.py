# expect: TypingError 10:1: compiled code cannot send a generator into a generator: a sent value is None when next() resumes it, and generator cannot be None
def echo():
    while True:
        x = yield 1
        print(x)


g = echo()
next(g)
g.send(echo())
