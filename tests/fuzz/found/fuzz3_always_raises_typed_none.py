# fuzz-3 (core: Typing): a function whose every path raises is typed as returning None, so a caller that uses
# its result fails to compile:
#   TypingError: unsupported operand type(s) for *: 'NoneType' and 'int'
# CPython runs it and ends with:  OverflowError: x   (exit status 1)
# (Related to issue 12 item 19, unbounded recursion typed as None; here the cause is a raise.)
def f(a):
    if True:
        raise OverflowError("x")
    return a + 1


def g(a):
    return f(a) * 2


print(g(3))
