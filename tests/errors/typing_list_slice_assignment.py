# expect: TypingError 4:8: assigning to a slice of a list is not supported in compiled code
def f():
    xs = [1, 2, 3]
    xs[0:2] = [5]
    return xs


print(f())
