def f(n):
    raise ValueError("plain cause") from TypeError("why")
f(1)
