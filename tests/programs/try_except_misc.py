def f(n):
    try:
        if n:
            raise ValueError(f"bad {n}")
        return "ok"
    except Exception as e:
        s = str(e)
        return s + "|" + repr(e) + "|" + f"{e!r}"


def g(n):
    while True:
        try:
            n -= 1
            if n < 0:
                raise StopIteration
        except StopIteration:
            break
    return n


def h(n):
    total = 0
    for i in range(n):
        try:
            try:
                total += 10 // (i % 3)
            finally:
                total += 1
        except ZeroDivisionError:
            total -= 100
    return total


def k(x):
    try:
        return int(x)
    except (TypeError, ValueError):
        return -1
    except:
        return -2


print(f(0), f(3), g(5), h(7), k(2.5))
