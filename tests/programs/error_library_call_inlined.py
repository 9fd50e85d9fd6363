# Covers: ZeroDivisionError raised inside divmod (a library function written in Python, emitted inside its caller) leaves through the caller's frames with CPython's traceback.
def split(total, parts):
    q, r = divmod(total, parts)
    return q + r


def spread(values):
    acc = 0
    for v in values:
        acc += split(100, v)
    return acc


print(spread((3, 7, 9)))
print(spread((4, 0, 5)))
