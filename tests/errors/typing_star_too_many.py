# expect: TypingError 7:12: add3() takes from 2 to 3 positional arguments but 4 were given
def add3(a, b, c=10):
    return a + b * 2 + c * 3


def f(t):
    return add3(*t)


print(f((1, 2, 3, 4)))
