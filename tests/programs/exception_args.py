# Covers: exceptions with 0..n arguments: e.args, str(e), repr(e), printing, e.args[k], len(e.args), user classes.
class AppError(Exception):
    pass


class RangeError(ValueError):
    pass


def fail(n):
    if n == 0:
        raise ValueError("bad", 3)
    if n == 1:
        raise RangeError()
    if n == 2:
        raise KeyError("k", 2.5)
    if n == 3:
        raise AppError("one")
    if n == 4:
        raise KeyError("key")
    if n == 5:
        raise AppError(1, (2, 3.5), "x'y", None, True)
    if n == 6:
        raise ValueError("")
    raise AppError("a", "")


for n in range(8):
    try:
        fail(n)
    except (ValueError, LookupError, AppError) as e:
        print(n, e, repr(e), e.args, len(e.args), str(e), f"[{e}] [{e!r}] [{e.args}]")
        if len(e.args) > 0 and isinstance(e, LookupError):
            print("first:", e.args[0], e.args[-1] if n == 4 else "-")

e = ValueError("x", (1, 2), 3)
print(e, repr(e), e.args, len(e.args))
print(ValueError(), repr(KeyError()), KeyError("a", "b"), RangeError(7), repr(RangeError(7, 8)))
print(ValueError("only").args, ValueError().args, ValueError("p", "q").args[1])
args = AppError("u", 2).args
print(args, len(args))
