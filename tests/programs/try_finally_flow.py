def early(n):
    try:
        if n > 0:
            return f"positive {n}"
        print("not positive")
    finally:
        print("cleanup", n)
    return "done"

def override(n):
    try:
        return n
    finally:
        if n == 2:
            return -n

def swallow(n):
    try:
        raise ValueError(f"bad {n}")
    finally:
        return "swallowed"

def loops(n):
    out = 0
    for i in range(n):
        try:
            if i == 2:
                continue
            if i == 5:
                break
            out += i
        finally:
            out += 100
    else:
        print("no break")
    return out

def whiles():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                break
        finally:
            print("iteration", i)
    return i

def maybe_unbound(n):
    try:
        if n:
            raise IndexError("x")
        v = 5
    except IndexError:
        return -1
    return v

def label(n):
    s = f"n={n}"
    try:
        t = s + "!"
        if n < 0:
            raise ValueError(t)
        u = t + "?"
    except ValueError as e:
        return f"error {e} {s}"
    return u

def catch_callee(n):
    try:
        return maybe_raise(n)
    except LookupError as e:
        return repr(e)

def maybe_raise(n):
    if n == 1:
        raise IndexError("index " + str(n))
    if n == 2:
        raise KeyError(f"key{n}")
    return str(n)

print(early(3), early(-1))
print(override(1), override(2))
print(swallow(4))
print(loops(10), loops(3))
print(whiles())
print(maybe_unbound(0), maybe_unbound(1))
print(label(3), label(-3))
print(catch_callee(0), catch_callee(1), catch_callee(2))

def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        return n

print(deep(0) > 100)

def after_clause():
    try:
        raise TypeError("t")
    except TypeError as err:
        print("got", err)
    try:
        print(err)
    except NameError as ne:
        print("NameError", ne)

after_clause()
