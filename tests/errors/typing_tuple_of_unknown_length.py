# expect: TypingError 3:12: tuple() of a list: compiled code needs a tuple's length while typing, and this one's is known only at run time
def f(xs):
    return tuple(xs)


print(f([1, 2]))
