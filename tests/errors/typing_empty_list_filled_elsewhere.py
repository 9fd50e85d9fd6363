# expect: TypingError 3:5: cannot tell the type of the items of this empty list where it was made
def fill(xs):
    xs.append(1.5)


def f():
    ys = []
    fill(ys)
    return ys


print(f())
