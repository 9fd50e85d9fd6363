# expect: TypingError 11:7: values sent into generator 'echo' are Optional[int] at one send and str at another
def echo():
    total = 0
    while True:
        x = yield total
        total += 1


g = echo()
print(g.send(None), g.send(3))
print(g.send("three"))
