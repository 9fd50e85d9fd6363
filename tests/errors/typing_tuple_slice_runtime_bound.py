# expect: TypingError 3:12: slicing a tuple needs bounds known at compile time (its length is part of its type)
def tail(t, k):
    return t[k:]


for i in range(2):
    print(tail((1, 2, 3), i))
