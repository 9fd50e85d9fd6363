# Covers: an uncaught exception with several arguments: the traceback's last line is the str of the tuple.
class ParseError(ValueError):
    pass


def check(n):
    if n > 2:
        raise ParseError("too big", n, [n][0] * 1.5)
    return n


print(check(1), check(2))
print(check(3))
