def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1

def parse(n):
    r = 0
    try:
        r = 10
        if n < 0:
            raise ValueError(f"negative: {n}")
        r = n * 2
    except ValueError as e:
        print("caught", e, repr(e))
        r = r + 1
    else:
        print("no error")
    finally:
        print("finally", r)
    return r

def nested(x):
    try:
        try:
            return 1 // x
        except TypeError:
            return -2
    except ArithmeticError as e:
        print(f"outer {e}")
        return -3

def loop(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise KeyError("k")
            total += 10 // (i - 4)
        except (KeyError, ZeroDivisionError) as e:
            print("skip", i, e)
            continue
        finally:
            total += 1
    return total

print(safe_div(7, 2), safe_div(7, 0))
print(parse(5), parse(-1))
print(nested(0), nested(2))
print(loop(8))
try:
    x = 1 // 0
except Exception as e:
    print("module", e)
