# expect: TypingError 3:5: this list holds int items and receives a float here
def fill(xs):
    xs.append(1.5)


def f():
    ys = []
    fill(ys)
    return ys


print(f())
