def convert(s):
    try:
        return 10 // s
    except ZeroDivisionError as e:
        raise ValueError(f"cannot convert {s}") from e

def outer(s):
    try:
        return convert(s)
    except ValueError as e:
        raise RuntimeError("conversion failed") from None

def chained(n):
    try:
        return convert(n)
    except ValueError:
        raise KeyError(f"k{n}")

print(convert(5))
try:
    outer(0)
except RuntimeError as e:
    print("outer:", e)
chained(0)
