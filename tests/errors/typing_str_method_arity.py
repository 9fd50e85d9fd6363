# expect: TypingError 3:12: str.upper() takes no arguments (1 given)
def shout(s):
    return s.upper(1)


print(shout("a"))
