# expect: TypingError 4:12: cannot switch from manual field specification to automatic field numbering
def label(a, b):
    # CPython raises ValueError when this line runs; the format string is known, so compiled code says so at once
    return "{0} and {}".format(a, b)


print(label(1, 2))
