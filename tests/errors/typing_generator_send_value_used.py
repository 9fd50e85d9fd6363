# expect: TypingError 11:7: send() of a value to a generator that uses the value of a yield expression is not supported in compiled code
def echo():
    total = 0
    while True:
        x = yield total
        total += 1


g = echo()
next(g)
print(g.send(3))
