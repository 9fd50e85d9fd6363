# expect: TypingError 3:16: this list holds int items and has a str item here
def f():
    return [1, "two"]


print(f())
