# Covers: the recursion limit is CPython's exactly: the deepest recursion CPython allows from module level
# (998 nested calls below the module frame, limit 1000) works, one more raises RecursionError.


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def countdown(n):
    return n if n <= 0 else countdown(n - 1)


print(depth(998), countdown(998))
print(depth(999))
