# expect: TypingError 4:5: can only assign an iterable
def f():
    xs = [1, 2, 3]
    xs[0:2] = 5
    return xs


print(f())
