# Covers: a function whose raise sits under a test folded at compile time (if 1 == 1:), called from module level, is typed NoReturn although its return statement is typed (fuzz-8)
def f(a):
    if 1 == 1:
        raise IndexError("s")
    return a


f(1.5)
