class AppError(Exception):
    """Base of this program's errors."""


class ParseError(AppError, ):
    pass


class RangeError(ValueError):
    ...


def parse(n):
    if n < 0:
        raise ParseError(f"negative {n}")
    if n > 100:
        raise RangeError("too big")
    if n == 13:
        raise AppError
    return n * 2


def handle(n):
    try:
        return parse(n)
    except ParseError as e:
        print("parse error:", e, repr(e))
        return -1
    except ValueError as e:
        print("value error:", e, repr(e))
        return -2
    except AppError as e:
        print("app error:", repr(e), f"[{e}]")
        return -3


for n in (5, -5, 500, 13):
    print(handle(n))
print(AppError, repr(ParseError("x")), isinstance(ParseError("x"), AppError), isinstance(RangeError("y"), AppError))
print(str(RangeError("boom")))
parse(-7)
