def f(x):
    try:
        if x:
            raise ValueError("first")
    except ValueError:
        raise KeyError("second")

f(1)
