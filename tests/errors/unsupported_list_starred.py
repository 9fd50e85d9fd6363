# expect: UnsupportedError 3:16: starred items in a list display are not supported in compiled code
def f(t):
    return [0, *t]


print(f((1, 2)))
