# Covers: a recursion with no base case compiles (its result is typed NoReturn) and raises RecursionError at run time, as in CPython (issue 12 item 19)
def up(n):
    return up(n + 1) + ping(n)


def ping(n):
    return pong(n) * 2


def pong(n):
    return ping(n - 1) - 1


def first(n):
    if n > 5:
        return n
    return 0


print(first(9))
print(up(0))
