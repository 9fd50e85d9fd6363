# expect: TypingError 4:7: unhashable type: 'list'
def f():
    d = {}
    d[[1, 2]] = 3
    return d


print(f())
