# expect: TypingError 3:12: slicing a tuple needs bounds known at compile time (its length is part of its type)
def tail(t, k):
    return t[k:]


print(tail((1, 2, 3), 1))
