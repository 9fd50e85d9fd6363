class AppError(Exception):
    pass


class NotFound(AppError, LookupError):
    pass


def classify(n):
    try:
        if n == 0:
            raise NotFound(f"no {n}")
        if n == 1:
            raise KeyError("k")
        if n == 2:
            raise AppError("app")
        return 10 // (n - 3)
    except (LookupError, AppError, ArithmeticError) as e:
        kinds = (isinstance(e, LookupError), isinstance(e, AppError), isinstance(e, (KeyError, ZeroDivisionError)),
                 isinstance(e, Exception), isinstance(e, int))
        print(n, repr(e), kinds)
        return -1


for n in range(5):
    print(classify(n))
